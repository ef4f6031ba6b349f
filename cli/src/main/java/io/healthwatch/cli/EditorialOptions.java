package io.healthwatch.cli;

import io.healthwatch.editorial.EditorialConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The editorial service's configuration for commands on issues and search: --config and --set. */
final class EditorialOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "editorial config file")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key")
  List<String> sets = List.of();

  EditorialConfig settings() {
    return settings(Map.of());
  }

  /** With keys a command's own options set, under the user's --set. */
  EditorialConfig settings(Map<String, String> fromOptions) {
    var overrides = new java.util.LinkedHashMap<String, String>(fromOptions);
    overrides.putAll(SetOptions.parse(sets));
    return EditorialConfig.load(config, System.getenv(), overrides);
  }
}
