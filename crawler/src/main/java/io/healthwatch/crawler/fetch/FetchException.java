package io.healthwatch.crawler.fetch;

import io.healthwatch.contracts.message.ReasonCode;

/** A URL could not be fetched or read: the reason code, how lasting it is, and what was seen. */
public final class FetchException extends Exception {
  private final ReasonCode reason;
  private final String url;
  private final Failure failure;
  private final Integer httpStatus;
  private final long retryAfterMillis;

  public FetchException(
      ReasonCode reason,
      String url,
      String message,
      Failure failure,
      Integer httpStatus,
      long retryAfterMillis) {
    super(message);
    this.reason = reason;
    this.url = url;
    this.failure = failure;
    this.httpStatus = httpStatus;
    this.retryAfterMillis = retryAfterMillis;
  }

  /** A failure that fetching again will not mend (no article, not a page, malformed). */
  public static FetchException permanent(ReasonCode reason, String url, String message) {
    return new FetchException(reason, url, message, Failure.PERMANENT, null, 0);
  }

  /** A failure that may pass (the host did not answer, the answer was cut off). */
  public static FetchException transientFailure(ReasonCode reason, String url, String message) {
    return new FetchException(reason, url, message, Failure.TRANSIENT, null, 0);
  }

  public ReasonCode reason() {
    return reason;
  }

  public String url() {
    return url;
  }

  public Failure failure() {
    return failure;
  }

  /** The HTTP status answered, or null when there was no answer. */
  public Integer httpStatus() {
    return httpStatus;
  }

  /** How long the server asked us to wait (Retry-After), or 0. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
