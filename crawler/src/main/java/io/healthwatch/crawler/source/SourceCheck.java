package io.healthwatch.crawler.source;

import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.discover.EntryPage;
import io.healthwatch.crawler.extract.ArticlePage;
import io.healthwatch.crawler.feed.FeedItem;
import io.healthwatch.crawler.fetch.FetchException;
import io.healthwatch.crawler.fetch.FetchedPage;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.fetch.RobotsCache;
import io.healthwatch.crawler.url.AddressGuard;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One look at a source as the crawler would see it, for an operator who edited the registry or
 * whose source went quiet: each entry page fetched once (robots.txt, the address guard and the
 * per-host delay respected, redirects followed), its links counted before and after the source's
 * filter, and one sample article extracted. Nothing is published or recorded.
 */
public final class SourceCheck {
  /** What one entry page gave; {@code failure} is null when it was read. */
  public record EntryResult(
      String url,
      Integer httpStatus,
      int linksFound,
      int linksMatching,
      int furtherPages,
      String failure) {}

  /** The sample article's extraction; {@code failure} is null when it was read. */
  public record Sample(
      String url, String title, OffsetDateTime publishedAt, int bodyChars, String failure) {}

  /**
   * @param skipped why the source was not checked (it needs a browser), else null
   * @param ok whether it gives article links and the sample reads as an article
   */
  public record Report(
      String sourceId,
      String name,
      String kind,
      String skipped,
      List<EntryResult> entries,
      Sample sample,
      boolean ok) {}

  private final CrawlerConfig.Fetch config;
  private final HttpFetcher fetcher;
  private final RobotsCache robots;
  private final ArticlePage articlePage = new ArticlePage();
  private final Clock clock;
  private final Map<String, Long> lastRequestByHost = new HashMap<>();

  public SourceCheck(CrawlerConfig.Fetch config, Clock clock) {
    this.config = config;
    this.fetcher = new HttpFetcher(config);
    this.robots = new RobotsCache(config.userAgent(), config.robotsCacheSize());
    this.clock = clock;
  }

  public Report check(Source source) throws InterruptedException {
    String kind = source.kind().yamlName();
    if (source.needsBrowser() != null) {
      return new Report(
          source.id(),
          source.name(),
          kind,
          "needs a browser: " + source.needsBrowser(),
          List.of(),
          null,
          false);
    }
    var entries = new ArrayList<EntryResult>();
    FeedItem first = null;
    for (String url : source.entryUrls()) {
      try {
        FetchedPage page = fetch(source, url);
        EntryPage.Links links = EntryPage.read(source, page, clock.instant());
        entries.add(
            new EntryResult(
                url,
                page.status(),
                links.candidates(),
                links.articles().size(),
                links.entries().size(),
                null));
        if (first == null && !links.articles().isEmpty()) {
          first = links.articles().get(0);
        }
      } catch (FetchException e) {
        entries.add(new EntryResult(url, e.httpStatus(), 0, 0, 0, describe(e)));
      }
    }
    Sample sample = first == null ? null : sample(source, first);
    boolean ok = first != null && sample.failure() == null;
    return new Report(source.id(), source.name(), kind, null, entries, sample, ok);
  }

  private Sample sample(Source source, FeedItem item) throws InterruptedException {
    Instant at = clock.instant();
    try {
      FetchedPage page = fetch(source, item.url());
      var result =
          articlePage.read(
              source,
              page.body(),
              page.headerCharset(),
              page.finalUrl(),
              item.title(),
              item.publishedAt(),
              at);
      return new Sample(
          item.url(),
          result.article().title(),
          result.article().publishedAt(),
          result.article().body().length(),
          null);
    } catch (FetchException e) {
      return new Sample(item.url(), null, null, 0, describe(e));
    }
  }

  /** One page as the crawler fetches it: guard, robots.txt, the host's delay, each redirect. */
  private FetchedPage fetch(Source source, String url) throws FetchException, InterruptedException {
    String current = url;
    for (int hop = 0; ; hop++) {
      AddressGuard.check(current, source);
      if (config.respectRobots()) {
        if (robots.verdict(current) == RobotsCache.Verdict.UNKNOWN) {
          waitForHost(current);
          robots.read(current, fetcher);
        }
        switch (robots.verdict(current)) {
          case DISALLOWED ->
              throw FetchException.permanent(
                  ReasonCode.ROBOTS_DISALLOWED,
                  current,
                  RobotsCache.robotsUrl(current) + " disallows it");
          case UNREADABLE -> throw robots.failure(current);
          default -> {
            // allowed
          }
        }
      }
      waitForHost(current);
      FetchedPage page = fetcher.fetch(current);
      if (!page.isRedirect()) {
        return page;
      }
      if (hop >= config.maxRedirects()) {
        throw FetchException.permanent(
            ReasonCode.HTTP_STATUS,
            url,
            "more than " + config.maxRedirects() + " redirects (last: " + page.location() + ")");
      }
      current = page.location();
    }
  }

  /** Politeness for a one-off command: the configured delay between two requests to a host. */
  private void waitForHost(String url) throws InterruptedException {
    String host = URI.create(url).getHost();
    Long last = lastRequestByHost.get(host);
    long now = System.currentTimeMillis();
    long delay = Math.max(config.perHostDelayMillis(), robots.crawlDelayMillis(url));
    if (last != null && now - last < delay) {
      Thread.sleep(delay - (now - last));
    }
    lastRequestByHost.put(host, System.currentTimeMillis());
  }

  private static String describe(FetchException e) {
    return e.reason() + ": " + e.getMessage();
  }
}
