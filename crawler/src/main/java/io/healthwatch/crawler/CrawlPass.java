package io.healthwatch.crawler;

import io.healthwatch.contracts.kafka.NotAcknowledgedException;
import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.discover.ListPageLinks;
import io.healthwatch.crawler.extract.ArticleExtractor;
import io.healthwatch.crawler.extract.Extraction;
import io.healthwatch.crawler.extract.SelectorOverrides;
import io.healthwatch.crawler.feed.FeedItem;
import io.healthwatch.crawler.feed.FeedReader;
import io.healthwatch.crawler.feed.SitemapReader;
import io.healthwatch.crawler.fetch.FetchException;
import io.healthwatch.crawler.fetch.FetchedPage;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.fetch.PageDecoder;
import io.healthwatch.crawler.fetch.RobotsCache;
import io.healthwatch.crawler.publish.ArticlePublisher;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.source.SourceKind;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one source once: its feeds or list pages, then each new article page, publishing what it
 * extracts and dead-lettering, with the reason, every URL it could not turn into an article.
 */
public final class CrawlPass {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlPass.class);
  private static final String STAGE = "crawler";
  private static final int MAX_CHILD_SITEMAPS = 50;

  private final HttpFetcher fetcher;
  private final RobotsCache robots;
  private final boolean respectRobots;
  private final ArticleExtractor extractor = new ArticleExtractor(ZoneId.of("Asia/Shanghai"));
  private final SelectorOverrides overrides = new SelectorOverrides(ZoneId.of("Asia/Shanghai"));
  private final ArticlePublisher publisher;
  private final CrawlMetrics metrics;

  /** Article URLs already handled by this process: a page is fetched once per run. */
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /**
   * One pass's fetching machinery (per-host throttle, robots cache, validators) from its config.
   */
  public CrawlPass(CrawlerConfig.Fetch fetch, ArticlePublisher publisher, CrawlMetrics metrics) {
    this.fetcher = new HttpFetcher(fetch);
    this.robots = new RobotsCache(fetcher, fetch.userAgent());
    this.respectRobots = fetch.respectRobots();
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /** Reads every entry URL of a source, then each article it links to that is new to this pass. */
  public void crawl(Source source) throws InterruptedException {
    for (String entryUrl : source.entryUrls()) {
      for (FeedItem item : links(source, entryUrl)) {
        if (firstTime(item.url())) {
          article(source, item);
        }
      }
    }
  }

  /**
   * The article links of one feed or list page; a page that cannot be read is dead-lettered and
   * yields none.
   */
  public List<FeedItem> links(Source source, String entryUrl) throws InterruptedException {
    try {
      List<FeedItem> items = discover(source, entryUrl);
      LOG.info("source={} entry={} links={}", source.id(), entryUrl, items.size());
      return items;
    } catch (FetchException e) {
      deadLetter(source, e.reason(), e.getMessage(), e.url());
      return List.of();
    }
  }

  /** Whether this process has not handled the article URL yet (and now has). */
  public boolean firstTime(String articleUrl) {
    return seen.add(articleUrl);
  }

  private List<FeedItem> discover(Source source, String entryUrl)
      throws FetchException, InterruptedException {
    FetchedPage page = fetch(source, entryUrl);
    if (page == null) {
      return List.of();
    }
    if (source.kind().isFeed()) {
      try {
        return FeedReader.read(page.body(), page.contentType(), page.finalUrl());
      } catch (IOException e) {
        throw new FetchException(ReasonCode.FEED_MALFORMED, entryUrl, e.getMessage());
      }
    }
    if (source.kind() == SourceKind.SITEMAP) {
      return sitemap(source, page, entryUrl);
    }
    Document list =
        Jsoup.parse(PageDecoder.decode(page.body(), page.headerCharset()), page.finalUrl());
    var items = new ArrayList<FeedItem>();
    for (String url : ListPageLinks.of(list, source)) {
      items.add(new FeedItem(url, null, null));
    }
    return items;
  }

  /**
   * A sitemap's articles; for a sitemap index, the articles of its sitemaps (one level, at most
   * {@value #MAX_CHILD_SITEMAPS}, so a runaway index cannot keep the crawler busy for ever).
   */
  private List<FeedItem> sitemap(Source source, FetchedPage page, String entryUrl)
      throws FetchException, InterruptedException {
    SitemapReader.Content content = readSitemap(page, entryUrl);
    var items = new ArrayList<>(content.items());
    for (String child : content.childSitemaps().stream().limit(MAX_CHILD_SITEMAPS).toList()) {
      try {
        FetchedPage childPage = fetch(source, child);
        if (childPage != null) {
          items.addAll(readSitemap(childPage, child).items());
        }
      } catch (FetchException e) {
        deadLetter(source, e.reason(), e.getMessage(), e.url());
      }
    }
    return items;
  }

  private static SitemapReader.Content readSitemap(FetchedPage page, String url)
      throws FetchException {
    try {
      return SitemapReader.read(page.body(), page.contentType(), page.finalUrl());
    } catch (IOException e) {
      throw new FetchException(ReasonCode.FEED_MALFORMED, url, e.getMessage());
    }
  }

  /** Fetches, extracts and publishes one article page, or dead-letters it with the reason. */
  public void article(Source source, FeedItem item) throws InterruptedException {
    try {
      FetchedPage page = fetch(source, item.url());
      if (page == null) {
        return;
      }
      String html =
          source.charset() != null
              ? new String(page.body(), Charset.forName(source.charset()))
              : PageDecoder.decode(page.body(), page.headerCharset());
      Document document = Jsoup.parse(html, page.finalUrl());
      Extraction extraction =
          overrides.apply(extractor.extract(document), document, source.selectors());
      String title = extraction.title() != null ? extraction.title() : item.title();
      if (title == null || extraction.body() == null) {
        deadLetter(
            source,
            ReasonCode.EXTRACTION_FAILED,
            "no article found in the page (" + (title == null ? "no title" : "no body text") + ")",
            item.url());
        return;
      }
      String canonical =
          extraction.canonicalUrl() != null
              ? extraction.canonicalUrl()
              : UrlCanonicalizer.canonicalize(page.finalUrl()).orElse(page.finalUrl());
      OffsetDateTime published =
          extraction.publishedAt() != null ? extraction.publishedAt() : item.publishedAt();
      var article =
          new DiscoveredArticle(
              DiscoveredArticle.SCHEMA_VERSION,
              ArticleIds.forCanonicalUrl(canonical),
              canonical,
              page.finalUrl(),
              source.id(),
              extraction.source() != null ? extraction.source() : source.name(),
              title,
              published,
              extraction.author(),
              extraction.body(),
              Instant.now());
      publisher.publish(article);
      metrics.published();
      LOG.info(
          "published source={} url={} canonical={} title={}",
          source.id(),
          item.url(),
          canonical,
          title);
    } catch (FetchException e) {
      deadLetter(source, e.reason(), e.getMessage(), e.url());
    } catch (NotAcknowledgedException e) {
      throw e;
    } catch (RuntimeException e) {
      // A bug or a page that trips the parser: set the URL aside with the error, go on.
      deadLetter(source, ReasonCode.PROCESSING_FAILED, e.toString(), item.url());
    }
  }

  /** Fetches unless robots.txt forbids it; null for a disallowed or unchanged (304) URL. */
  private FetchedPage fetch(Source source, String url) throws FetchException, InterruptedException {
    try {
      if (respectRobots && !robots.allowed(url)) {
        metrics.robotsDisallowed();
        metrics.fetched(source.id(), url, "robots_disallowed");
        LOG.info("robots.txt disallows url={}", url);
        return null;
      }
      FetchedPage page = fetcher.fetch(url, respectRobots ? robots.crawlDelayMillis(url) : 0);
      if (page.status() == 304) {
        // Unchanged since the last fetch: nothing new to read, and nothing failed.
        metrics.fetched(source.id(), url, "not_modified");
        return null;
      }
      metrics.fetched(source.id(), url, "ok");
      return page;
    } catch (FetchException e) {
      metrics.fetched(source.id(), url, e.reason().name().toLowerCase());
      throw e;
    }
  }

  private void deadLetter(Source source, ReasonCode reason, String message, String url) {
    metrics.deadLettered(reason);
    publisher.deadLetter(
        DeadLetter.forUrl(STAGE, reason, "source " + source.id() + ": " + message, url));
  }
}
