package io.healthwatch.indexer.issue;

import io.healthwatch.indexer.IndexerConfig.Anchor;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Numbers issues the way the series runs: an anchor fixes a number to a week; a later week gets the
 * anchor's number plus the count of issues published between them, plus one. Weeks without an issue
 * take no number, which is how the real series went from 576 to 630 in 56 weeks.
 */
public final class IssueNumbering {
  private final List<Anchor> anchors;

  public IssueNumbering(List<Anchor> anchors) {
    this.anchors = anchors;
  }

  /**
   * @param published window end dates of issues already materialized
   * @throws IllegalArgumentException when no anchor is at or before the window
   */
  public int numberFor(LocalDate windowEnd, Collection<LocalDate> published) {
    Anchor anchor =
        latestAnchorAtOrBefore(windowEnd)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no numbering anchor at or before window end "
                            + windowEnd
                            + "; the earliest is "
                            + anchors.get(0).windowEnd()
                            + " (add one under issues.anchors)"));
    if (anchor.windowEnd().equals(windowEnd)) {
      return anchor.number();
    }
    long between =
        published.stream()
            .filter(end -> end.isAfter(anchor.windowEnd()) && end.isBefore(windowEnd))
            .distinct()
            .count();
    return anchor.number() + (int) between + 1;
  }

  public Optional<Anchor> latestAnchorAtOrBefore(LocalDate windowEnd) {
    Anchor found = null;
    for (Anchor anchor : anchors) {
      if (!anchor.windowEnd().isAfter(windowEnd)) {
        found = anchor;
      }
    }
    return Optional.ofNullable(found);
  }
}
