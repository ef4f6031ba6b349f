package io.healthwatch.cli;

import io.healthwatch.cli.ops.When;
import io.healthwatch.contracts.Json;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.indexer.status.CrawlStatusQueries;
import io.healthwatch.indexer.status.CrawlStatusQueries.SourceHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./healthwatch sources}: how each source is doing, from the crawl-status index. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    subcommands = SourcesCheckCommand.class,
    description = {
      "Per source: last successful fetch, articles in 24 h / 7 d, URLs by status, dead letters by"
          + " reason, URLs waiting for a retry, robots.txt.",
      "Read from the crawl-status index the indexer keeps (./healthwatch urls lists the URLs)."
    })
final class SourcesCommand implements Callable<Integer> {
  @Option(names = "--source", paramLabel = "ID", description = "only this source id")
  String source;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Mixin IndexerOptions indexer;

  @Override
  public Integer call() throws Exception {
    var settings = indexer.settings();
    var client = OpenSearchClients.create(settings.opensearch());
    Instant now = Instant.now();
    List<SourceHealth> sources =
        StatusIndex.ask(
            settings,
            () -> new CrawlStatusQueries(client, settings.namespace()).sources(source, now));
    if (json) {
      System.out.println(
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sources));
      return 0;
    }
    if (sources.isEmpty()) {
      System.out.println(
          source == null
              ? "no crawl state yet (has the crawler run?)"
              : "no crawl state for source " + source);
      return source == null ? 0 : 1;
    }
    System.out.printf(
        "%-12s %-34s %5s %5s  %s%n", "SOURCE", "LAST SUCCESS", "24H", "7D", "URLS BY STATUS");
    for (SourceHealth s : sources) {
      System.out.printf(
          "%-12s %-34s %5d %5d  %s%n",
          s.sourceId(),
          s.lastSuccess() == null ? "never" : When.of(s.lastSuccess(), now),
          s.articles24h(),
          s.articles7d(),
          counts(s.urlsByStatus()));
      if (!s.endedByReason().isEmpty()) {
        System.out.println("             dead letters: " + counts(s.endedByReason()));
      }
      if (s.retrying() > 0) {
        System.out.printf(
            "             retrying: %d URL%s, up to %d failures in a row, next retry %s%n",
            s.retrying(),
            s.retrying() == 1 ? "" : "s",
            s.maxErrorCount(),
            When.of(s.nextRetry(), now));
      }
      String robots =
          s.robots().isEmpty()
              ? "not read yet"
              : s.robots().containsKey("FETCH_ERROR")
                  ? "unreadable (" + s.robotsProblem() + ")"
                  : "read";
      System.out.println("             robots.txt: " + robots);
    }
    return 0;
  }

  private static String counts(Map<String, Long> counts) {
    return counts.isEmpty()
        ? "-"
        : counts.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
