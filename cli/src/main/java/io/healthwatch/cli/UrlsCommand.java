package io.healthwatch.cli;

import io.healthwatch.cli.ops.When;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.indexer.bulk.CrawlStatusDocument;
import io.healthwatch.indexer.status.CrawlStatusQueries;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./healthwatch urls --source S --status FETCH_ERROR}: URLs and their crawl states. */
@Command(
    name = "urls",
    mixinStandardHelpOptions = true,
    description = {
      "URLs with their crawl state (status, failures, last HTTP status and reason, next fetch),"
          + " most recently fetched first.",
      "Statuses: DISCOVERED, FETCHED, REDIRECTED, FETCH_ERROR, ERROR, GONE."
    })
final class UrlsCommand implements Callable<Integer> {
  @Option(names = "--source", paramLabel = "ID", description = "only this source id")
  String source;

  @Option(names = "--status", paramLabel = "STATUS", description = "only this status")
  CrawlState.Status status;

  @Option(names = "--role", paramLabel = "ROLE", description = "ENTRY, ARTICLE or ROBOTS")
  FrontierUrl.Role role;

  @Option(names = "--host", paramLabel = "HOST", description = "only this host")
  String host;

  @Option(names = "--limit", paramLabel = "N", description = "at most N URLs (default 50)")
  int limit = 50;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Mixin IndexerOptions indexer;

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("--limit takes 1 to 10000, got " + limit);
    }
    var settings = indexer.settings();
    var client = OpenSearchClients.create(settings.opensearch());
    var query =
        new CrawlStatusQueries.UrlQuery(
            source,
            status == null ? null : status.name(),
            role == null ? null : role.name(),
            host == null ? null : host.toLowerCase(Locale.ROOT),
            limit);
    var result =
        StatusIndex.ask(
            settings, () -> new CrawlStatusQueries(client, settings.namespace()).urls(query));
    if (json) {
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      return 0;
    }
    Instant now = Instant.now();
    System.out.printf(
        "%d URL%s%s%n",
        result.total(),
        result.total() == 1 ? "" : "s",
        result.total() > result.urls().size()
            ? " (the " + result.urls().size() + " last fetched below)"
            : "");
    for (CrawlStatusDocument u : result.urls()) {
      String status =
          u.status()
              + (u.errorCount() > 0 ? " x" + u.errorCount() : "")
              + (u.httpStatus() == null ? "" : " " + u.httpStatus());
      System.out.printf("%-20s %-8s %s%n", status, u.role().toLowerCase(Locale.ROOT), u.url());
      var details = new StringBuilder("    fetched " + When.of(u.lastFetched(), now));
      if (u.nextFetch() != null) {
        details.append(", next ").append(When.of(u.nextFetch(), now));
      }
      if (u.reason() != null || u.message() != null) {
        details
            .append(" | ")
            .append(u.reason() == null ? "" : u.reason() + ": ")
            .append(u.message());
      }
      if (u.redirectedTo() != null) {
        details.append(" -> ").append(u.redirectedTo());
      }
      System.out.println(details);
    }
    return 0;
  }
}
