package io.healthwatch.contracts.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An article as the crawler found it: value of the discovered-articles topic, keyed by {@link
 * #id()}.
 *
 * @param id stable id: SHA-256 hex of the canonical URL (see {@link ArticleIds})
 * @param canonicalUrl the article's own address (the page's canonical link when it has one)
 * @param fetchedUrl where the crawler actually read the page
 * @param sourceId the configured source that led to the page
 * @param sourceName the outlet as a report names it, e.g. 新华网
 * @param publishedAt publish time with its offset, or null when the page has none
 * @param author author or editor line, or null
 * @param body main text, paragraphs separated by a blank line
 */
public record DiscoveredArticle(
    int schemaVersion,
    String id,
    String canonicalUrl,
    String fetchedUrl,
    String sourceId,
    String sourceName,
    String title,
    OffsetDateTime publishedAt,
    String author,
    String body,
    Instant fetchedAt) {

  public static final int SCHEMA_VERSION = 1;

  public DiscoveredArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(canonicalUrl, "canonicalUrl");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
  }
}
