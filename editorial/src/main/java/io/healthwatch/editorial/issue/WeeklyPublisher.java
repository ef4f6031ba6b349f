package io.healthwatch.editorial.issue;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.editorial.EditorialConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each week's issue once the week is over and its late articles had the configured delay
 * (the calendar says when a week closes). A week already published is left alone: editors revise it
 * with the `issue` command or the pages. Weeks before the first numbering anchor have no number and
 * are skipped; weeks that do not end on the calendar's last day were windowed by an enricher with
 * another calendar, and are reported once rather than published under a wrong window.
 */
public final class WeeklyPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(WeeklyPublisher.class);

  private final IssueMaterializer materializer;
  private final IssueStore store;
  private final WeeklyCalendar calendar;
  private final EditorialConfig.Publishing publishing;
  private final LocalDate firstAnchor;
  private final Path outputDir;
  private final Set<LocalDate> reportedForeign = new HashSet<>();

  public WeeklyPublisher(
      IssueMaterializer materializer,
      IssueStore store,
      WeeklyCalendar calendar,
      EditorialConfig.Publishing publishing,
      EditorialConfig.Issues issues,
      Path outputDir) {
    this.materializer = materializer;
    this.store = store;
    this.calendar = calendar;
    this.publishing = publishing;
    this.firstAnchor = issues.anchors().get(0).windowEnd();
    this.outputDir = outputDir;
  }

  /** The weeks published by this call, oldest first. */
  public List<IssueMaterializer.Result> publishDue(Instant now) throws IOException {
    var published = store.numbers().keySet();
    var results = new ArrayList<IssueMaterializer.Result>();
    for (LocalDate windowEnd : materializer.windowsWithCandidates()) {
      if (windowEnd.isBefore(firstAnchor) || published.contains(windowEnd)) {
        continue;
      }
      if (windowEnd.getDayOfWeek() != calendar.endDay()) {
        if (reportedForeign.add(windowEnd)) {
          LOG.warn(
              "articles are windowed in a week ending {} ({}), but weeks of this calendar end on a"
                  + " {}: the enricher's calendar differs from the editorial service's",
              windowEnd,
              windowEnd.getDayOfWeek(),
              calendar.endDay());
        }
        continue;
      }
      if (now.isBefore(
          calendar.publishableAt(calendar.windowEndingOn(windowEnd), publishing.delay()))) {
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
