package io.healthwatch.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void printsEachStagesCountsOnceAndKeepsTheCrawlersAfterItExits() {
    var buffer = new ByteArrayOutputStream();
    var progress = new ProgressLine(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    var crawler =
        Map.of(
            "healthwatch_crawler_articles_published",
            14.0,
            "healthwatch_crawler_dead_letters",
            2.0);
    var enricher =
        Map.of(
            "healthwatch_enricher_records_in",
            14.0,
            "healthwatch_enricher_records_out|tagged",
            13.0,
            "healthwatch_enricher_records_out|duplicate",
            1.0);
    progress.update(
        Map.of("crawler", crawler, "enricher", enricher, "indexer", Map.of()), false, 0, -1, 3);
    progress.update(
        Map.of("crawler", crawler, "enricher", enricher, "indexer", Map.of()), false, 0, -1, 3);
    progress.update(
        Map.of("crawler", Map.of(), "enricher", enricher, "indexer", Map.of()), true, 14, 0, 0);

    String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length, "an unchanged line is not printed again");
    assertTrue(lines[0].contains("crawler running: 14 published, 2 dead-lettered"), lines[0]);
    assertTrue(
        lines[0].contains("13 tagged, 0 updated, 1 duplicates, 0 dead-lettered, lag n/a"),
        lines[0]);
    assertTrue(
        lines[0].contains("indexer: 0 consumed, 0 indexed, 0 dead-lettered, lag 3"), lines[0]);
    assertTrue(lines[1].contains("crawler done: 14 published, 2 dead-lettered"), lines[1]);
  }
}
