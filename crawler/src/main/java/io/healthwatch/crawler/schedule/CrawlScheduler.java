package io.healthwatch.crawler.schedule;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.CrawlState.Status;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.FrontierUrl.Role;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.fetch.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The one place that decides what happens to a URL after each event and when it is fetched next,
 * after StormCrawler's scheduler:
 *
 * <ul>
 *   <li>a transient failure (network, timeout, 429, 5xx, robots.txt unreadable) is FETCH_ERROR,
 *       retried after {@code errorBackoff}, doubled each time up to {@code maxErrorBackoff}, with
 *       ±20% jitter so a host's URLs do not all come back at once; the {@code maxFetchErrors}-th in
 *       a row is ERROR, with a dead letter;
 *   <li>404 and 410 are GONE, a permanent failure (another 4xx, not a page, too large, no article)
 *       is ERROR, both dead-lettered once and not fetched again (unless replayed);
 *   <li>an article page is fetched again every {@code refetchEvery} until {@code refetchWindow}
 *       after it was first seen (conditionally, so an unchanged page costs a 304);
 *   <li>configured entry pages (feeds, lists, sitemaps) are read every interval of their source,
 *       whatever happened last time: a failing feed is retried sooner, never dropped while
 *       configured; entry pages found on others (child sitemaps, followed list pages) are read like
 *       articles, within the refetch window.
 * </ul>
 */
public final class CrawlScheduler {
  private final CrawlerConfig.Schedule config;
  private final RandomGenerator random;

  /** A new state and whether it warrants a dead letter (the URL just ended in ERROR or GONE). */
  public record Decision(CrawlState state, boolean deadLetter) {}

  public CrawlScheduler(CrawlerConfig.Schedule config, RandomGenerator random) {
    this.config = config;
    this.random = random;
  }

  /**
   * The state after a fetch.
   *
   * @param entryInterval how often the URL's source reads its entry pages
   */
  public Decision afterFetch(
      CrawlState state, FetchOutcome outcome, Instant now, Duration entryInterval) {
    var next = state.toBuilder().lastFetched(now).redirectChain(null);
    // A configured entry page is read for as long as it is configured; one discovered by another
    // (a child sitemap, a day's e-paper layout, a list's next page) is read like an article: for
    // the refetch window after it was first seen, so the daily ones do not pile up for ever.
    boolean entry = state.role() == Role.ENTRY && state.discoveredFrom() == null;
    Instant nextEntryRead = now.plus(entryInterval);
    if (outcome instanceof FetchOutcome.Fetched fetched) {
      next.status(Status.FETCHED)
          .errorCount(0)
          .httpStatus(fetched.httpStatus())
          .problem(null, fetched.note())
          .redirectedTo(null)
          .lastSuccess(now);
      if (fetched.httpStatus() != 304) {
        next.validators(fetched.etag(), fetched.lastModified());
      }
      if (fetched.contentHash() != null) {
        next.contentHash(fetched.contentHash());
      }
      if (fetched.published()) {
        next.published(now);
      }
      next.nextFetch(
          switch (state.role()) {
            case ENTRY -> entry ? nextEntryRead : nextArticleRead(state, now);
            case ARTICLE -> nextArticleRead(state, now);
            case ROBOTS -> null;
          });
      return new Decision(next.build(seq(state, now)), false);
    }
    if (outcome instanceof FetchOutcome.Redirected redirected) {
      next.status(Status.REDIRECTED)
          .errorCount(0)
          .httpStatus(redirected.httpStatus())
          .problem(null, null)
          .redirectedTo(redirected.target())
          .nextFetch(entry ? nextEntryRead : null);
      return new Decision(next.build(seq(state, now)), false);
    }
    if (outcome instanceof FetchOutcome.Disallowed disallowed) {
      next.status(Status.GONE)
          .httpStatus(null)
          .problem(ReasonCode.ROBOTS_DISALLOWED, disallowed.robotsUrl() + " disallows it")
          .nextFetch(entry ? nextEntryRead : null);
      return new Decision(next.build(seq(state, now)), false);
    }
    return afterFailure(state, next, (FetchOutcome.Failed) outcome, now, entry, nextEntryRead);
  }

  private Decision afterFailure(
      CrawlState state,
      CrawlState.Builder next,
      FetchOutcome.Failed failed,
      Instant now,
      boolean entry,
      Instant nextEntryRead) {
    next.httpStatus(failed.httpStatus());
    if (state.role() == Role.ROBOTS) {
      // The robots cache reads it again when it must; its state is for operators to see.
      next.status(Status.FETCH_ERROR)
          .errorCount(state.errorCount() + 1)
          .problem(failed.reason(), failed.message())
          .nextFetch(null);
      return new Decision(next.build(seq(state, now)), false);
    }
    int errors = state.errorCount() + 1;
    Status status =
        switch (failed.kind()) {
          case GONE -> Status.GONE;
          case PERMANENT -> Status.ERROR;
          case TRANSIENT -> errors >= config.maxFetchErrors() ? Status.ERROR : Status.FETCH_ERROR;
        };
    String message = failed.message();
    if (failed.kind() == Failure.TRANSIENT) {
      next.errorCount(errors);
      message += status == Status.ERROR ? " (failed " + errors + " times in a row)" : "";
    }
    next.status(status).problem(failed.reason(), message);
    if (status == Status.FETCH_ERROR) {
      Instant retry = now.plus(backoff(errors));
      next.nextFetch(entry && retry.isAfter(nextEntryRead) ? nextEntryRead : retry);
    } else {
      next.nextFetch(entry ? nextEntryRead : null);
    }
    boolean ended = status != Status.FETCH_ERROR && status != state.status();
    return new Decision(next.build(seq(state, now)), ended);
  }

  /**
   * The wait after the {@code errors}-th transient failure in a row: {@code errorBackoff} doubled
   * {@code errors - 1} times, capped, times a jitter factor in [0.8, 1.2).
   */
  public Duration backoff(int errors) {
    long base = config.errorBackoff().toMillis();
    long cap = config.maxErrorBackoff().toMillis();
    long millis = errors >= 62 ? cap : Math.min(cap, base << Math.min(errors - 1, 40));
    if (millis < 0) {
      millis = cap;
    }
    double jitter = 0.8 + 0.4 * random.nextDouble();
    return Duration.ofMillis(Math.round(millis * jitter));
  }

  /** The next read of an article page, or null when its re-fetch window is over. */
  private Instant nextArticleRead(CrawlState state, Instant now) {
    Instant next = now.plus(config.refetchEvery());
    Instant windowEnd = state.firstSeen().plus(config.refetchWindow());
    return next.isAfter(windowEnd) ? null : next;
  }

  /**
   * A URL named again (listed again by a feed, the target of another redirect): null when that
   * changes nothing. The next hop of a redirect is due at once unless the target has been fetched
   * since the redirect was seen (two URLs redirecting to one page fetch it once).
   */
  public CrawlState rediscovered(CrawlState state, FrontierUrl url, Instant now) {
    boolean hop = url.continuesRedirect();
    boolean refetch =
        hop
            && (state.status() == Status.DISCOVERED
                || state.status() == Status.FETCHED
                || state.status() == Status.REDIRECTED)
            && (state.lastFetched() == null || state.lastFetched().isBefore(url.enqueuedAt()))
            && (state.nextFetch() == null || state.nextFetch().isAfter(now));
    boolean hints =
        state.hintTitle() == null && url.hintTitle() != null
            || state.hintPublishedAt() == null && url.hintPublishedAt() != null;
    if (!refetch && !hints) {
      return null;
    }
    var next = state.toBuilder();
    if (hints) {
      next.hints(
          Objects.requireNonNullElse(state.hintTitle(), url.hintTitle()),
          state.hintPublishedAt() != null ? state.hintPublishedAt() : url.hintPublishedAt());
    }
    if (refetch) {
      next.nextFetch(now).redirectChain(url.redirectChain());
    }
    return next.build(seq(state, now));
  }

  /**
   * An operator sent the URL back ({@code ./healthwatch replay}): due at once, with a clean slate
   * (no error count, no validators, so the page is read in full).
   */
  public CrawlState replayed(CrawlState state, Instant now) {
    return state.toBuilder()
        .status(Status.DISCOVERED)
        .errorCount(0)
        .problem(null, "replayed")
        .validators(null, null)
        .nextFetch(now)
        .build(seq(state, now));
  }

  /** An entry page made due at once (a single pass reads every source once). */
  public CrawlState dueNow(CrawlState state, Instant now) {
    return state.toBuilder().nextFetch(now).build(seq(state, now));
  }

  /** A configured entry page whose read interval changed: due one new interval after its read. */
  public CrawlState rescheduledEntry(CrawlState state, Duration interval, Instant now) {
    if (state.status() != Status.FETCHED && state.status() != Status.REDIRECTED
        || state.lastFetched() == null) {
      return null;
    }
    Instant due = state.lastFetched().plus(interval);
    return due.equals(state.nextFetch())
        ? null
        : state.toBuilder().nextFetch(due).build(seq(state, now));
  }

  /** The state of a URL first seen now. */
  public static CrawlState discovered(FrontierUrl url, Instant now) {
    return CrawlState.discovered(url, now, now.toEpochMilli() * 1000);
  }

  /**
   * Every write of a URL's state gets a larger number, also across owners and when the previous
   * state is no longer in memory: microseconds of the wall clock, or one more than the last.
   */
  static long seq(CrawlState previous, Instant now) {
    return Math.max(previous.seq() + 1, now.toEpochMilli() * 1000);
  }
}
