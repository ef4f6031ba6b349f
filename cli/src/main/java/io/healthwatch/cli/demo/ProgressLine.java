package io.healthwatch.cli.demo;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** Prints per-stage counts once a second, keeping the crawler's last figures after it exits. */
final class ProgressLine {
  private final PrintStream out;
  private final Map<String, Map<String, Double>> last = new HashMap<>();
  private String previous = "";

  ProgressLine(PrintStream out) {
    this.out = out;
  }

  /**
   * @param discovered records on the discovered topic (the crawler's output, which outlives it)
   * @param enricherLag, indexerLag records not yet committed by each group (-1 unknown)
   */
  void update(
      Map<String, Map<String, Double>> scraped,
      boolean crawlerDone,
      long discovered,
      long enricherLag,
      long indexerLag) {
    scraped.forEach(
        (service, metrics) -> {
          if (!metrics.isEmpty()) {
            last.put(service, metrics);
          }
        });
    String line =
        String.format(
            "crawler %s: %d published, %d dead-lettered | enricher: %d in, %d tagged, %d updated,"
                + " %d duplicates, %d dead-lettered, lag %s | indexer: %d consumed, %d indexed,"
                + " %d dead-lettered, lag %s",
            crawlerDone ? "done" : "running",
            Math.max(discovered, n("crawler", "healthwatch_crawler_articles_published")),
            n("crawler", "healthwatch_crawler_dead_letters"),
            n("enricher", "healthwatch_enricher_records_in"),
            n("enricher", "healthwatch_enricher_records_out", "tagged"),
            n("enricher", "healthwatch_enricher_records_out", "updated"),
            n("enricher", "healthwatch_enricher_records_out", "duplicate"),
            n("enricher", "healthwatch_enricher_dead_letters"),
            lag(enricherLag),
            n("indexer", "healthwatch_indexer_records_consumed"),
            n("indexer", "healthwatch_indexer_documents_indexed"),
            n("indexer", "healthwatch_indexer_dead_letters"),
            lag(indexerLag));
    if (!line.equals(previous)) {
      out.println("  " + line);
      previous = line;
    }
  }

  void finish() {
    out.println("  pipeline idle: every stage has committed all it consumed");
  }

  private static String lag(long lag) {
    return lag < 0 ? "n/a" : Long.toString(lag);
  }

  private long n(String service, String metric) {
    return Math.round(last.getOrDefault(service, Map.of()).getOrDefault(metric, 0.0));
  }

  private long n(String service, String metric, String outcome) {
    return Math.round(
        last.getOrDefault(service, Map.of()).getOrDefault(metric + "|" + outcome, 0.0));
  }
}
