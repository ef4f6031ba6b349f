package io.healthwatch.crawler.schedule;

import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.fetch.Failure;

/** What one fetch of a URL came to, as the scheduler needs it. */
public sealed interface FetchOutcome {

  /**
   * The page answered (200, or 304 unchanged).
   *
   * @param etag, lastModified the validators of a 200 (null for a 304: the known ones stay)
   * @param contentHash the article's hash when one was extracted, else null
   * @param published whether an article (or a new revision) was published from it
   * @param note what happened, in words (e.g. "12 links"), or null
   */
  record Fetched(
      int httpStatus,
      String etag,
      String lastModified,
      String contentHash,
      boolean published,
      String note)
      implements FetchOutcome {}

  /** The page redirects to {@code target}, which is fetched as a URL of its own. */
  record Redirected(int httpStatus, String target) implements FetchOutcome {}

  /**
   * The fetch failed.
   *
   * @param httpStatus the status answered, or null when the host did not answer
   */
  record Failed(ReasonCode reason, Integer httpStatus, String message, Failure kind)
      implements FetchOutcome {}

  /** robots.txt forbids the URL to this crawler. */
  record Disallowed(String robotsUrl) implements FetchOutcome {}
}
