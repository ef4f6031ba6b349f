package io.healthwatch.indexer.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A materialized issue as stored in the issues index; its id is the window's end date, so
 * materializing a week again replaces the issue instead of adding one.
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
    Instant generatedAt) {

  /** One article of an issue, in issue order. */
  public record IssueArticle(
      String id,
      String title,
      String source,
      String url,
      OffsetDateTime publishedAt,
      double relevance) {}
}
