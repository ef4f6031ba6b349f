package io.healthwatch.cli;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.source.SourceRegistry;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The crawler's configuration and source registry for commands that act as it: --config, --set. */
final class CrawlerOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "crawler config file")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a crawler config key")
  List<String> sets = List.of();

  CrawlerConfig settings() {
    return CrawlerConfig.load(config, System.getenv(), SetOptions.parse(sets));
  }

  /** The registry the settings name, relative to the config file as the crawler resolves it. */
  SourceRegistry registry(CrawlerConfig settings, String command) {
    var args =
        ServiceArgs.parse(
            command, config == null ? new String[0] : new String[] {"--config", config.toString()});
    return SourceRegistry.load(args.resolve(settings.sources()));
  }
}
