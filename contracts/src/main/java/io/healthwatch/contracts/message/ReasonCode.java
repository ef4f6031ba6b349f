package io.healthwatch.contracts.message;

/** Why a record was set aside on the dead-letter topic. Codes are stable: dashboards count them. */
public enum ReasonCode {
  /** The host did not answer, refused, or timed out after retries. */
  FETCH_FAILED,
  /** The server answered with a status that is not a page (4xx, 5xx after retries). */
  HTTP_STATUS,
  /** The response is not HTML or XML (an image, a PDF...). */
  NOT_HTML,
  /** The response is larger than the configured cap. */
  TOO_LARGE,
  /** A feed could not be parsed. */
  FEED_MALFORMED,
  /**
   * The URL's host is a loopback, private, link-local or multicast address and its source does not
   * allow those (a link or redirect that would lead the crawler into its own network).
   */
  ADDRESS_REFUSED,
  /** robots.txt forbids the URL to this crawler (a state, GONE; not dead-lettered). */
  ROBOTS_DISALLOWED,
  /** A page has no recognisable article (no title or no body). */
  EXTRACTION_FAILED,
  /** A record on a topic is not valid JSON of its schema. */
  DESERIALIZATION_FAILED,
  /** The article has no publish time, so it cannot be placed in a weekly window. */
  MISSING_PUBLISH_DATE,
  /** The article is older than the acceptance horizon. */
  TOO_OLD,
  /** The article is dated further in the future than the clock-skew allowance. */
  FUTURE_DATED,
  /** OpenSearch refused the document (e.g. a mapping error). */
  INDEX_REJECTED,
  /** Any other failure while processing a record. */
  PROCESSING_FAILED
}
