package io.healthwatch.contracts.message;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A URL waiting to be fetched: value of the frontier topic, keyed by host so that one crawler
 * instance owns each host (and keeps its politeness) while instances share the hosts.
 *
 * @param role ENTRY for a feed or list page (its links are enqueued), ARTICLE for an article page
 * @param hintTitle, hintPublishedAt what a feed said of the article, used when the page lacks it
 */
public record FrontierUrl(
    int schemaVersion,
    String url,
    String sourceId,
    Role role,
    String hintTitle,
    OffsetDateTime hintPublishedAt,
    Instant enqueuedAt) {

  public static final int SCHEMA_VERSION = 1;

  /** What the page at the URL is. */
  public enum Role {
    ENTRY,
    ARTICLE
  }
}
