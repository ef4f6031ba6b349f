package io.healthwatch.editorial.issue;

import io.healthwatch.editorial.EditorialConfig.Anchor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers issues from the archive of what was published, so a published number never changes: a
 * week already in the archive keeps its number whatever the configuration says now; a new week
 * follows the archive's latest issue before it (weeks without an issue take no number, which is how
 * the real series went from 576 to 630 in 56 weeks). Anchors only start a series or make a jump: an
 * anchor fixes its week's number, and a week after an anchor with no archived issue between them
 * counts on from the anchor.
 */
public final class IssueNumbering {
  private final List<Anchor> anchors;

  public IssueNumbering(List<Anchor> anchors) {
    this.anchors = anchors;
  }

  /**
   * @param archive the number of each week (by window end) already in the archive of issues
   * @throws IllegalArgumentException when nothing before the week gives a number (no archived issue
   *     and no anchor at or before it), or when the number would be another archived week's
   */
  public int numberFor(LocalDate windowEnd, Map<LocalDate, Integer> archive) {
    Integer archived = archive.get(windowEnd);
    if (archived != null) {
      return archived;
    }
    Optional<Anchor> anchor = latestAnchorAtOrBefore(windowEnd);
    Optional<Map.Entry<LocalDate, Integer>> previous =
        archive.entrySet().stream()
            .filter(e -> e.getKey().isBefore(windowEnd))
            .max(Map.Entry.comparingByKey());
    int number;
    if (anchor.isPresent()
        && (previous.isEmpty() || !anchor.get().windowEnd().isBefore(previous.get().getKey()))) {
      // The anchor is the latest word on this series: its own week, or counted on from it.
      number =
          anchor.get().windowEnd().equals(windowEnd)
              ? anchor.get().number()
              : anchor.get().number() + 1;
    } else if (previous.isPresent()) {
      number = previous.get().getValue() + 1;
    } else {
      throw new IllegalArgumentException(
          "no issue in the archive and no numbering anchor at or before window end "
              + windowEnd
              + (anchors.isEmpty() ? "" : "; the earliest anchor is " + anchors.get(0).windowEnd())
              + " (add one under issues.anchors)");
    }
    for (var entry : archive.entrySet()) {
      if (entry.getValue() == number) {
        throw new IllegalArgumentException(
            "issue "
                + number
                + " for the week ending "
                + windowEnd
                + " is already the archive's issue of the week ending "
                + entry.getKey()
                + " (a week between published issues needs an anchor under issues.anchors)");
      }
    }
    return number;
  }

  private Optional<Anchor> latestAnchorAtOrBefore(LocalDate windowEnd) {
    Anchor found = null;
    for (Anchor anchor : anchors) {
      if (!anchor.windowEnd().isAfter(windowEnd)) {
        found = anchor;
      }
    }
    return Optional.ofNullable(found);
  }
}
