package io.healthwatch.crawler.fetch;

/** How lasting a fetch failure is: the scheduler's first question. */
public enum Failure {
  /** The host may answer later (network errors, timeouts, 408, 429, 5xx): retried with backoff. */
  TRANSIENT,
  /** The page is not there (404, 410). */
  GONE,
  /** Fetching it again will not help (another 4xx, not a page, too large, no article). */
  PERMANENT
}
