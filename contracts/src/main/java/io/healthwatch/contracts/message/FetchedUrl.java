package io.healthwatch.contracts.message;

import java.time.Instant;

/**
 * That an article URL has been fetched, by any crawler process: value of the compacted fetched
 * topic, keyed by the URL. A process taking over a host reads these so it does not fetch again.
 */
public record FetchedUrl(int schemaVersion, String url, Instant fetchedAt) {
  public static final int SCHEMA_VERSION = 1;
}
