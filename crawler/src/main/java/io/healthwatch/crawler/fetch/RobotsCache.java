package io.healthwatch.crawler.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.schedule.FetchOutcome;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * robots.txt rules per host, kept an hour, for at most {@code capacity} hosts (the least recently
 * used go first). Reading a robots.txt is a request of its own, made by a fetch thread in the
 * host's turn; until then the host's URLs wait. As RFC 9309 asks: a missing robots.txt (4xx) allows
 * everything; while it cannot be read (5xx, network) the host is left alone and its URLs fail
 * transiently, to be retried; up to five redirects are followed.
 */
public final class RobotsCache {
  private static final Duration TTL = Duration.ofHours(1);
  private static final Duration UNREADABLE_TTL = Duration.ofMinutes(1);
  private static final long MAX_CRAWL_DELAY_MILLIS = 60_000;
  private static final int MAX_REDIRECTS = 5;

  /** What a URL may do as far as its host's robots.txt goes. */
  public enum Verdict {
    /** The rules are not known (or are stale): read robots.txt first. */
    UNKNOWN,
    ALLOWED,
    DISALLOWED,
    /** The host's robots.txt could not be read lately: leave the host alone for now. */
    UNREADABLE
  }

  private record Entry(BaseRobotRules rules, FetchException failure, long expiresAt) {}

  private final String agentName;
  private final Cache<String, Entry> cache;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

  public RobotsCache(String userAgent, int capacity) {
    this.agentName = userAgent.split("[/ ]")[0].toLowerCase(Locale.ROOT);
    this.cache = Caffeine.newBuilder().maximumSize(capacity).build();
  }

  /** The robots.txt that governs a URL. */
  public static String robotsUrl(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority() + "/robots.txt";
  }

  public Verdict verdict(String url) {
    Entry entry = cache.getIfPresent(robotsUrl(url));
    if (entry == null || entry.expiresAt() < System.currentTimeMillis()) {
      return Verdict.UNKNOWN;
    }
    if (entry.failure() != null) {
      return Verdict.UNREADABLE;
    }
    return entry.rules().isAllowed(url) ? Verdict.ALLOWED : Verdict.DISALLOWED;
  }

  /** Why the host's robots.txt is unreadable (for {@link Verdict#UNREADABLE}), else null. */
  public FetchException failure(String url) {
    Entry entry = cache.getIfPresent(robotsUrl(url));
    return entry == null ? null : entry.failure();
  }

  /** The host's Crawl-delay in milliseconds (capped at a minute), or 0. */
  public long crawlDelayMillis(String url) {
    Entry entry = cache.getIfPresent(robotsUrl(url));
    if (entry == null || entry.rules() == null) {
      return 0;
    }
    long delay = entry.rules().getCrawlDelay();
    return delay <= 0 ? 0 : Math.min(delay, MAX_CRAWL_DELAY_MILLIS);
  }

  /**
   * Reads and keeps the robots.txt of the URL's host.
   *
   * @return what the read came to, for the robots.txt URL's own crawl state
   */
  public FetchOutcome read(String url, HttpFetcher fetcher) throws InterruptedException {
    String robotsUrl = robotsUrl(url);
    long now = System.currentTimeMillis();
    String current = robotsUrl;
    try {
      for (int hop = 0; ; hop++) {
        FetchedPage page = fetcher.fetch(current);
        if (!page.isRedirect()) {
          BaseRobotRules rules =
              parser.parseContent(current, page.body(), page.contentType(), List.of(agentName));
          cache.put(robotsUrl, new Entry(rules, null, now + TTL.toMillis()));
          return new FetchOutcome.Fetched(
              page.status(),
              null,
              null,
              null,
              false,
              rules.getCrawlDelay() > 0 ? "crawl-delay " + rules.getCrawlDelay() + " ms" : null);
        }
        if (hop == MAX_REDIRECTS) {
          throw FetchException.transientFailure(
              ReasonCode.HTTP_STATUS, robotsUrl, "more than " + MAX_REDIRECTS + " redirects");
        }
        current = page.location();
      }
    } catch (FetchException e) {
      if (e.httpStatus() != null && e.httpStatus() >= 400 && e.httpStatus() < 500
          || e.reason() == ReasonCode.NOT_HTML
          || e.reason() == ReasonCode.TOO_LARGE) {
        cache.put(
            robotsUrl,
            new Entry(
                new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL),
                null,
                now + TTL.toMillis()));
        return new FetchOutcome.Fetched(
            e.httpStatus() == null ? 200 : e.httpStatus(),
            null,
            null,
            null,
            false,
            "no usable robots.txt (" + e.getMessage() + "): everything allowed");
      }
      cache.put(robotsUrl, new Entry(null, e, now + UNREADABLE_TTL.toMillis()));
      return new FetchOutcome.Failed(e.reason(), e.httpStatus(), e.getMessage(), e.failure());
    }
  }
}
