package io.healthwatch.cli;

import io.healthwatch.contracts.Json;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.source.SourceCheck;
import io.healthwatch.crawler.source.SourceRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./healthwatch sources check}: each source's entry pages and a sample article, once. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch each source's entry pages once, politely (robots.txt, the per-host delay, the address"
          + " guard), and print the links found, those matching the source's patterns, and a"
          + " sample article's extraction (title, time, body length), or what failed.",
      "Run it after editing the registry or when a source goes quiet. Nothing is published."
          + " Exit status 1 when a checked source gives no article."
    })
final class SourcesCheckCommand implements Callable<Integer> {
  @Mixin CrawlerOptions crawler;

  @Option(names = "--sources", paramLabel = "FILE", description = "the registry to check")
  Path sourcesFile;

  @Option(names = "--source", paramLabel = "ID", description = "only this source id")
  String source;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    var settings = crawler.settings();
    var registry =
        sourcesFile != null
            ? SourceRegistry.load(sourcesFile)
            : crawler.registry(settings, "sources check");
    List<Source> chosen =
        registry.sources().stream().filter(s -> source == null || s.id().equals(source)).toList();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "no source '"
              + source
              + "' in the registry (ids: "
              + registry.sources().stream().map(Source::id).toList()
              + ")");
    }
    var check = new SourceCheck(settings.fetch(), Clock.systemUTC());
    var reports = new ArrayList<SourceCheck.Report>();
    for (Source s : chosen) {
      SourceCheck.Report report = check.check(s);
      reports.add(report);
      if (!json) {
        print(report);
      }
    }
    if (json) {
      System.out.println(
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reports));
    } else {
      long ok = reports.stream().filter(SourceCheck.Report::ok).count();
      long skipped = reports.stream().filter(r -> r.skipped() != null).count();
      System.out.printf(
          "%d of %d sources give articles%s%n",
          ok, reports.size() - skipped, skipped == 0 ? "" : "; " + skipped + " skipped");
    }
    boolean failed = reports.stream().anyMatch(r -> r.skipped() == null && !r.ok());
    return failed ? 1 : 0;
  }

  private static void print(SourceCheck.Report report) {
    System.out.printf("%s  %s (%s)%n", report.sourceId(), report.name(), report.kind());
    if (report.skipped() != null) {
      System.out.println("  skipped: " + report.skipped());
      return;
    }
    for (SourceCheck.EntryResult entry : report.entries()) {
      if (entry.failure() != null) {
        System.out.printf("  %s%n    FAILED %s%n", entry.url(), entry.failure());
      } else {
        System.out.printf(
            "  %s%n    HTTP %d: %d link%s, %d match the source's patterns%s%n",
            entry.url(),
            entry.httpStatus(),
            entry.linksFound(),
            entry.linksFound() == 1 ? "" : "s",
            entry.linksMatching(),
            entry.furtherPages() == 0 ? "" : ", " + entry.furtherPages() + " further list pages");
      }
    }
    SourceCheck.Sample sample = report.sample();
    if (sample == null) {
      System.out.println("  no article link to sample");
    } else if (sample.failure() != null) {
      System.out.printf("  sample %s%n    FAILED %s%n", sample.url(), sample.failure());
    } else {
      System.out.printf(
          "  sample %s%n    title \"%s\", published %s, body %d characters%n",
          sample.url(),
          sample.title(),
          sample.publishedAt() == null ? "unknown" : sample.publishedAt(),
          sample.bodyChars());
    }
    System.out.println(report.ok() ? "  OK" : "  NOT OK");
  }
}
