package io.healthwatch.cli;

import io.healthwatch.indexer.IndexerConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The indexer's configuration for commands that read or write OpenSearch: --config and --set. */
final class IndexerOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "indexer config file")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key")
  List<String> sets = List.of();

  IndexerConfig settings() {
    return IndexerConfig.load(config, System.getenv(), SetOptions.parse(sets));
  }
}
