package io.healthwatch.editorial.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A materialized issue as stored in the issues index; its id is the window's end date, so
 * materializing a week again revises the issue instead of adding one. Its number and window are
 * fixed when it is first published; a revision changes its articles and text only.
 *
 * @param revision 1 when first published, one more at each re-materialization
 * @param firstPublishedAt when revision 1 was made
 * @param generatedAt when this revision was made
 * @param revisions every revision so far, oldest first (what each held)
 */
public record WeeklyIssue(
    String id,
    int number,
    String numberText,
    String title,
    String organisation,
    LocalDate publishedOn,
    LocalDate windowStart,
    LocalDate windowEnd,
    List<String> articleIds,
    List<IssueArticle> articles,
    String markdown,
    String html,
    Integer revision,
    Instant firstPublishedAt,
    Instant generatedAt,
    List<Revision> revisions) {

  public WeeklyIssue {
    // An issue archived before revisions were counted reads as its first revision.
    // (A missing number is null, not 0: the project's JSON refuses null for a primitive.)
    revision = revision == null ? 1 : Math.max(revision, 1);
    firstPublishedAt = firstPublishedAt == null ? generatedAt : firstPublishedAt;
    revisions = revisions == null ? List.of() : List.copyOf(revisions);
  }

  /** One article of an issue, in issue order. */
  public record IssueArticle(
      String id,
      String title,
      String source,
      String url,
      OffsetDateTime publishedAt,
      double relevance) {}

  /** What one revision held and when it was made. */
  public record Revision(int revision, Instant at, List<String> articleIds) {}
}
