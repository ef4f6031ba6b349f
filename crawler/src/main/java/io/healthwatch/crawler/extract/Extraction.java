package io.healthwatch.crawler.extract;

import java.time.OffsetDateTime;

/**
 * What a page says about its article. Any field may be null when the page does not have it.
 *
 * @param dateEvidence where {@code publishedAt} was read; null when it is
 * @param canonicalUrl the page's canonical link, when it declares an absolute one
 * @param source the outlet the page credits (来源), e.g. 新华网
 * @param body main text, paragraphs separated by a blank line
 */
public record Extraction(
    String title,
    OffsetDateTime publishedAt,
    DateEvidence dateEvidence,
    String source,
    String author,
    String body,
    String canonicalUrl) {
  public Extraction {
    if ((publishedAt == null) != (dateEvidence == null)) {
      throw new IllegalArgumentException(
          "a publish time and where it was read go together: " + publishedAt + ", " + dateEvidence);
    }
  }
}
