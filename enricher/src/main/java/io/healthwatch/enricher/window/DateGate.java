package io.healthwatch.enricher.window;

import io.healthwatch.contracts.message.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Decides whether an article's publish time can be placed in an issue, against the wall clock (not
 * stream time): a re-crawl of old pages must not move the horizon.
 */
public final class DateGate {
  /** Why an article is refused. */
  public record Rejection(ReasonCode reason, String message) {}

  private final Duration maxAge;
  private final Duration futureSkew;

  public DateGate(Duration maxAge, Duration futureSkew) {
    this.maxAge = maxAge;
    this.futureSkew = futureSkew;
  }

  public Optional<Rejection> check(OffsetDateTime publishedAt, Instant now) {
    if (publishedAt == null) {
      return Optional.of(
          new Rejection(
              ReasonCode.MISSING_PUBLISH_DATE,
              "article has no publish time; it cannot be placed in a weekly window"));
    }
    Instant published = publishedAt.toInstant();
    if (published.isBefore(now.minus(maxAge))) {
      return Optional.of(
          new Rejection(
              ReasonCode.TOO_OLD,
              "published " + publishedAt + ", before the acceptance horizon of " + maxAge));
    }
    if (published.isAfter(now.plus(futureSkew))) {
      return Optional.of(
          new Rejection(
              ReasonCode.FUTURE_DATED,
              "published " + publishedAt + ", more than " + futureSkew + " in the future"));
    }
    return Optional.empty();
  }
}
