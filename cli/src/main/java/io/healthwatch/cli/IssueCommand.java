package io.healthwatch.cli;

import io.healthwatch.indexer.IndexBootstrap;
import io.healthwatch.indexer.IndexerConfig;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.indexer.issue.IssueMaterializer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./healthwatch issue --window-end 2024-05-17}: materializes (or re-materializes) a week.
 */
@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    description = "Materialize (or update) the weekly issue of one week.")
final class IssueCommand implements Callable<Integer> {
  @Option(
      names = "--window-end",
      required = true,
      paramLabel = "DATE",
      description = "last day of the week (a Friday for Saturday-to-Friday weeks), e.g. 2024-05-17")
  LocalDate windowEnd;

  @Option(names = "--config", paramLabel = "FILE", description = "indexer config file")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key")
  List<String> sets = List.of();

  @Override
  public Integer call() throws Exception {
    var settings = IndexerConfig.load(config, System.getenv(), Overrides.parse(sets));
    var client = OpenSearchClients.create(settings.opensearch());
    IndexBootstrap.ensure(client, settings.namespace(), settings.indexReplicas());
    var result =
        new IssueMaterializer(client, settings.namespace(), settings.issues())
            .materialize(windowEnd, HealthwatchCli.home().resolve(settings.issues().outputDir()));
    System.out.printf(
        "issue %d (%s) %s..%s, %d articles%n  file: %s%n  html: %s%n  index %s, id %s%n",
        result.issue().number(),
        result.issue().numberText(),
        result.issue().windowStart(),
        result.issue().windowEnd(),
        result.issue().articles().size(),
        result.markdownFile(),
        result.htmlFile(),
        result.index(),
        result.issue().id());
    return 0;
  }
}
