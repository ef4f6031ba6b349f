package io.healthwatch.crawler.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.healthwatch.contracts.message.ReasonCode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt rules per host, fetched once and kept for an hour. A missing robots.txt (4xx) allows
 * everything; while a host's robots.txt cannot be read (5xx, network) the host is left alone, as
 * RFC 9309 asks, and each URL of it fails with the reason, to be dead-lettered.
 */
public final class RobotsCache {
  private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);
  private static final Duration TTL = Duration.ofHours(1);

  private static final long MAX_CRAWL_DELAY_MILLIS = 60_000;
  private static final Duration UNREACHABLE_TTL = Duration.ofMinutes(1);

  /** Rules, or the reason the host's robots.txt could not be read. */
  private record Entry(BaseRobotRules rules, FetchException failure, long expiresAt) {}

  private final HttpFetcher fetcher;
  private final String agentName;
  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

  public RobotsCache(HttpFetcher fetcher, String userAgent) {
    this.fetcher = fetcher;
    this.agentName = userAgent.split("[/ ]")[0].toLowerCase();
  }

  /**
   * @throws FetchException when the host's robots.txt cannot be read, so the URL may not be fetched
   */
  public boolean allowed(String url) throws FetchException, InterruptedException {
    URI uri = URI.create(url);
    String robotsUrl = uri.getScheme() + "://" + uri.getRawAuthority() + "/robots.txt";
    Entry entry = cache.get(robotsUrl);
    if (entry == null || entry.expiresAt() < System.currentTimeMillis()) {
      entry = load(robotsUrl);
      cache.put(robotsUrl, entry);
    }
    if (entry.failure() != null) {
      throw new FetchException(
          entry.failure().reason(),
          url,
          "robots.txt of the host unreadable (" + entry.failure().getMessage() + ")");
    }
    return entry.rules().isAllowed(url);
  }

  /**
   * The host's Crawl-delay in milliseconds (capped at a minute), or 0 when robots.txt sets none or
   * has not been read yet; call after {@link #allowed}.
   */
  public long crawlDelayMillis(String url) {
    URI uri = URI.create(url);
    Entry entry = cache.get(uri.getScheme() + "://" + uri.getRawAuthority() + "/robots.txt");
    if (entry == null || entry.rules() == null) {
      return 0;
    }
    long delay = entry.rules().getCrawlDelay();
    return delay <= 0 ? 0 : Math.min(delay, MAX_CRAWL_DELAY_MILLIS);
  }

  private Entry load(String robotsUrl) throws InterruptedException {
    long now = System.currentTimeMillis();
    try {
      FetchedPage page = fetcher.fetch(robotsUrl);
      return new Entry(
          parser.parseContent(robotsUrl, page.body(), page.contentType(), List.of(agentName)),
          null,
          now + TTL.toMillis());
    } catch (FetchException e) {
      if (e.reason() == ReasonCode.HTTP_STATUS && e.getMessage().startsWith("HTTP 4")
          || e.reason() == ReasonCode.NOT_HTML) {
        return new Entry(
            new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL),
            null,
            now + TTL.toMillis());
      }
      LOG.warn(
          "robots.txt unreadable url={} reason={}; host left alone for now",
          robotsUrl,
          e.getMessage());
      return new Entry(null, e, now + UNREACHABLE_TTL.toMillis());
    }
  }
}
