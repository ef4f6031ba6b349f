package io.healthwatch.crawler.fetch;

import io.healthwatch.contracts.message.ReasonCode;

/** A URL could not be fetched; the reason code goes on the dead-letter record. */
public final class FetchException extends Exception {
  private final ReasonCode reason;
  private final String url;

  public FetchException(ReasonCode reason, String url, String message) {
    super(message);
    this.reason = reason;
    this.url = url;
  }

  public ReasonCode reason() {
    return reason;
  }

  public String url() {
    return url;
  }
}
