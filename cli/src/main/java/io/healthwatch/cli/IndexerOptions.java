package io.healthwatch.cli;

import io.healthwatch.indexer.IndexerConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The indexer's configuration for commands that read or write OpenSearch: --config and --set. */
final class IndexerOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "indexer config file")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key")
  List<String> sets = List.of();

  IndexerConfig settings() {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--set takes key=value, got '" + set + "'");
      }
      overrides.put(set.substring(0, eq), set.substring(eq + 1));
    }
    return IndexerConfig.load(config, System.getenv(), overrides);
  }
}
