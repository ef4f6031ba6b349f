package io.healthwatch.indexer.issue;

import io.healthwatch.indexer.IndexerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each week's issue once the week is over: a week ending on day D closes at D+1 00:00 in
 * the reports' zone, and its issue is materialized after the configured delay (late articles of the
 * week are taken until then). A week already published is left alone: editors re-run it with the
 * `issue` command. Weeks before the first numbering anchor have no number and are skipped.
 */
public final class WeeklyPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(WeeklyPublisher.class);

  private final IssueMaterializer materializer;
  private final IndexerConfig.Publishing publishing;
  private final LocalDate firstAnchor;
  private final Path outputDir;

  public WeeklyPublisher(
      IssueMaterializer materializer,
      IndexerConfig.Publishing publishing,
      IndexerConfig.Issues issues,
      Path outputDir) {
    this.materializer = materializer;
    this.publishing = publishing;
    this.firstAnchor = issues.anchors().get(0).windowEnd();
    this.outputDir = outputDir;
  }

  /** The weeks published by this call, oldest first. */
  public List<IssueMaterializer.Result> publishDue(Instant now) throws IOException {
    var published = new HashSet<>(materializer.publishedWindowEnds());
    var results = new ArrayList<IssueMaterializer.Result>();
    for (LocalDate windowEnd : materializer.windowsWithCandidates()) {
      Instant due =
          windowEnd
              .plusDays(1)
              .atStartOfDay(publishing.zone())
              .toInstant()
              .plus(publishing.delay());
      if (windowEnd.isBefore(firstAnchor) || published.contains(windowEnd) || now.isBefore(due)) {
        continue;
      }
      var result = materializer.materialize(windowEnd, outputDir);
      LOG.info(
          "published issue {} for the week ending {} ({} articles)",
          result.issue().number(),
          windowEnd,
          result.issue().articles().size());
      results.add(result);
    }
    return results;
  }
}
