package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.FrontierUrl.Role;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.CrawlMetrics;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.archive.PageArchive;
import io.healthwatch.crawler.discover.EntryPage;
import io.healthwatch.crawler.extract.ArticlePage;
import io.healthwatch.crawler.feed.FeedItem;
import io.healthwatch.crawler.fetch.Failure;
import io.healthwatch.crawler.fetch.FetchException;
import io.healthwatch.crawler.fetch.FetchQueues;
import io.healthwatch.crawler.fetch.FetchTask;
import io.healthwatch.crawler.fetch.FetchedPage;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.fetch.RobotsCache;
import io.healthwatch.crawler.publish.ArticlePublisher;
import io.healthwatch.crawler.schedule.FetchOutcome;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.url.AddressGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One fetch thread: takes the next URL whose host's turn has come, reads robots.txt first when its
 * rules are not known, fetches, turns the page into links or an article (sent to the broker without
 * waiting), keeps the response in the archive, and reports the outcome to the crawl loop, which
 * writes the URL's new state once the article is acknowledged. A transient failure is tried again
 * in the host's queue a few times ({@code fetch.retries}) before it goes to the scheduler; nothing
 * sleeps for a host.
 */
final class FetchWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(FetchWorker.class);

  /** A page whose article the broker did not take is tried again this much later. */
  private static final Duration BROKER_RETRY = Duration.ofSeconds(5);

  private final FetchQueues queues;
  private final HttpFetcher fetcher;
  private final RobotsCache robots;
  private final CrawlerConfig.Fetch config;
  private final Map<String, Source> sources;
  private final ArticlePage articlePage;
  private final ArticlePublisher publisher;
  private final PageArchive archive;
  private final Consumer<FetchReport> reports;
  private final CrawlMetrics metrics;
  private final Clock clock;
  private volatile boolean running = true;

  FetchWorker(
      FetchQueues queues,
      HttpFetcher fetcher,
      RobotsCache robots,
      CrawlerConfig.Fetch config,
      Map<String, Source> sources,
      ArticlePage articlePage,
      ArticlePublisher publisher,
      PageArchive archive,
      BlockingQueue<FetchReport> reports,
      CrawlMetrics metrics,
      Clock clock) {
    this.queues = queues;
    this.fetcher = fetcher;
    this.robots = robots;
    this.config = config;
    this.sources = sources;
    this.articlePage = articlePage;
    this.publisher = publisher;
    this.archive = archive;
    this.reports = reports::add;
    this.metrics = metrics;
    this.clock = clock;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      FetchTask task;
      try {
        task = queues.take(Duration.ofMillis(500));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (task == null) {
        continue;
      }
      // What a JSON log line of this fetch is about, whatever logs it (fetcher, extractor, sink).
      MDC.put("source", task.state().sourceId());
      MDC.put("url", task.url());
      try {
        handle(task);
      } catch (InterruptedException e) {
        queues.release(task, null);
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A bug before the host answered: the URL ends with the error on record.
        LOG.error("fetching url={} failed unexpectedly", task.url(), e);
        report(task, failed(ReasonCode.PROCESSING_FAILED, null, e.toString()), List.of());
        queues.release(task, null);
      } finally {
        MDC.remove("source");
        MDC.remove("url");
      }
    }
  }

  private void handle(FetchTask task) throws InterruptedException {
    CrawlState state = task.state();
    Source source = sources.get(state.sourceId());
    if (source == null) {
      report(
          task,
          failed(
              ReasonCode.PROCESSING_FAILED,
              null,
              "source '" + state.sourceId() + "' is not in this crawler's registry"),
          List.of());
      queues.release(task, null);
      return;
    }
    try {
      AddressGuard.check(state.url(), source);
    } catch (FetchException refused) {
      report(
          task,
          new FetchOutcome.Failed(refused.reason(), null, refused.getMessage(), refused.failure()),
          List.of());
      queues.release(task, null);
      return;
    }
    if (config.respectRobots() && !robotsAllow(task, source)) {
      return;
    }
    Instant started = clock.instant();
    FetchedPage page;
    try {
      page = fetcher.fetch(state.url(), state.etag(), state.lastModified());
    } catch (FetchException e) {
      if (e.failure() == Failure.TRANSIENT && task.attempt() < config.retries()) {
        retrySoon(task, e, started);
        return;
      }
      String attempts = task.attempt() > 0 ? " (after " + (task.attempt() + 1) + " attempts)" : "";
      report(
          task,
          new FetchOutcome.Failed(
              e.reason(), e.httpStatus(), e.getMessage() + attempts, e.failure()),
          List.of());
      queues.release(task, notBefore(task.url(), started, e.retryAfterMillis()));
      return;
    }
    // The host has answered: its next URL need not wait while this page is read.
    queues.releaseHost(task, notBefore(task.url(), started, 0));
    try {
      var links = new ArrayList<FrontierUrl>();
      var published =
          new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<?>>();
      FetchOutcome outcome;
      try {
        archive.keep(page, source.id(), started);
        outcome = read(task, source, page, started, links, published);
      } catch (FetchException e) {
        outcome = new FetchOutcome.Failed(e.reason(), e.httpStatus(), e.getMessage(), e.failure());
      } catch (org.apache.kafka.common.KafkaException e) {
        // The article could not even be handed to the producer (closing, say): read it again later.
        LOG.warn("article of url={} not sent, trying again later: {}", state.url(), e.toString());
        queues.offer(task.retry(started.plus(BROKER_RETRY)));
        return;
      } catch (RuntimeException e) {
        // A bug or a page that trips the parser: the URL ends with the error on record.
        LOG.error("reading url={} failed unexpectedly", task.url(), e);
        outcome = failed(ReasonCode.PROCESSING_FAILED, page.status(), e.toString());
      }
      report(task, outcome, links, published.get());
    } finally {
      queues.finished(task);
    }
  }

  /**
   * Whether robots.txt lets the URL be fetched now; otherwise the task is settled here (read the
   * rules first and queue the URL again, or report it disallowed or the host unreadable).
   */
  private boolean robotsAllow(FetchTask task, Source source) throws InterruptedException {
    String url = task.url();
    switch (robots.verdict(url)) {
      case ALLOWED -> {
        return true;
      }
      case UNKNOWN -> {
        Instant at = clock.instant();
        FetchOutcome outcome = robots.read(url, fetcher);
        reports.accept(
            new FetchReport.RobotsRead(
                task.partition(), RobotsCache.robotsUrl(url), source.id(), outcome, at));
        metrics.fetched(source.id(), RobotsCache.robotsUrl(url), label(outcome));
        // The read took the host's turn: the page waits for the next one.
        queues.offer(task.later(at));
        queues.release(task, notBefore(url, at, 0));
        return false;
      }
      case DISALLOWED -> {
        metrics.robotsDisallowed();
        report(task, new FetchOutcome.Disallowed(RobotsCache.robotsUrl(url)), List.of());
        queues.release(task, null);
        return false;
      }
      case UNREADABLE -> {
        FetchException why = robots.failure(url);
        report(
            task,
            new FetchOutcome.Failed(
                why == null ? ReasonCode.FETCH_FAILED : why.reason(),
                why == null ? null : why.httpStatus(),
                "robots.txt of the host unreadable ("
                    + (why == null ? "unknown" : why.getMessage())
                    + ")",
                Failure.TRANSIENT),
            List.of());
        queues.release(task, null);
        return false;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** The page's links or article (sent to the broker; the loop waits for its acknowledgement). */
  private FetchOutcome read(
      FetchTask task,
      Source source,
      FetchedPage page,
      Instant at,
      List<FrontierUrl> links,
      java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<?>> published)
      throws FetchException {
    CrawlState state = task.state();
    if (page.notModified()) {
      return new FetchOutcome.Fetched(304, null, null, null, false, "unchanged (304)");
    }
    if (page.isRedirect()) {
      return redirect(state, page, at, links);
    }
    if (state.role() == Role.ENTRY) {
      EntryPage.Links found = EntryPage.read(source, page, at);
      for (FeedItem item : found.articles()) {
        links.add(
            FrontierUrl.link(
                item.url(),
                source.id(),
                Role.ARTICLE,
                item.title(),
                item.publishedAt(),
                state.url(),
                at));
      }
      for (String entry : found.entries()) {
        links.add(FrontierUrl.link(entry, source.id(), Role.ENTRY, null, null, state.url(), at));
      }
      return new FetchOutcome.Fetched(
          page.status(), page.etag(), page.lastModified(), null, false, found.size() + " links");
    }
    ArticlePage.Result result;
    try {
      result =
          articlePage.read(
              source,
              page.body(),
              page.headerCharset(),
              page.finalUrl(),
              state.hintTitle(),
              state.hintPublishedAt(),
              at);
    } catch (FetchException e) {
      if (state.contentHash() != null) {
        // A re-read that shows no article (an error page served as 200): the published one stands.
        return new FetchOutcome.Fetched(
            page.status(),
            page.etag(),
            page.lastModified(),
            null,
            false,
            "re-read found no article (" + e.getMessage() + "); the published version stands");
      }
      throw e;
    }
    if (result.contentHash().equals(state.contentHash())) {
      return new FetchOutcome.Fetched(
          page.status(),
          page.etag(),
          page.lastModified(),
          result.contentHash(),
          false,
          "unchanged");
    }
    published.set(publisher.send(result.article()));
    metrics.published();
    LOG.info(
        "published source={} url={} canonical={} title={}{}",
        source.id(),
        state.url(),
        result.article().canonicalUrl(),
        result.article().title(),
        state.contentHash() == null ? "" : " (changed since the last read)");
    return new FetchOutcome.Fetched(
        page.status(),
        page.etag(),
        page.lastModified(),
        result.contentHash(),
        true,
        state.contentHash() == null ? "published" : "published an update");
  }

  /** The target is a URL of its own; a loop or a chain past {@code maxRedirects} ends here. */
  private FetchOutcome redirect(
      CrawlState state, FetchedPage page, Instant at, List<FrontierUrl> links) {
    var chain = new ArrayList<String>();
    if (state.redirectChain() != null) {
      chain.addAll(state.redirectChain());
    }
    chain.add(state.url());
    String target = page.location();
    if (chain.contains(target)) {
      return failed(
          ReasonCode.HTTP_STATUS,
          page.status(),
          "redirect loop: " + String.join(" -> ", chain) + " -> " + target);
    }
    if (chain.size() > config.maxRedirects()) {
      return failed(
          ReasonCode.HTTP_STATUS,
          page.status(),
          "too many redirects (more than " + config.maxRedirects() + "; next: " + target + ")");
    }
    links.add(
        new FrontierUrl(
            FrontierUrl.SCHEMA_VERSION,
            target,
            state.sourceId(),
            state.role(),
            state.hintTitle(),
            state.hintPublishedAt(),
            at,
            state.url(),
            chain));
    return new FetchOutcome.Redirected(page.status(), target);
  }

  /** A transient failure tried again in the host's queue: backoff with jitter, Retry-After wins. */
  private void retrySoon(FetchTask task, FetchException e, Instant now) {
    long backoff = config.retryBaseDelayMillis() << Math.min(task.attempt(), 20);
    long jitter = ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    long wait = Math.max(e.retryAfterMillis(), backoff + jitter);
    LOG.info(
        "retry {} of {} url={} in {} ms after {}",
        task.attempt() + 1,
        config.retries(),
        task.url(),
        wait,
        e.getMessage());
    metrics.fetched(task.state().sourceId(), task.url(), e.reason().name().toLowerCase());
    queues.offer(task.retry(now.plusMillis(wait)));
    queues.release(task, e.retryAfterMillis() > 0 ? now.plusMillis(e.retryAfterMillis()) : null);
  }

  /** When the host may be asked next beyond the usual delay: Crawl-delay, Retry-After. */
  private Instant notBefore(String url, Instant started, long retryAfterMillis) {
    long extra =
        Math.max(config.respectRobots() ? robots.crawlDelayMillis(url) : 0, retryAfterMillis);
    return extra > 0 ? started.plusMillis(extra) : null;
  }

  private void report(FetchTask task, FetchOutcome outcome, List<FrontierUrl> links) {
    report(task, outcome, links, null);
  }

  private void report(
      FetchTask task,
      FetchOutcome outcome,
      List<FrontierUrl> links,
      java.util.concurrent.Future<?> published) {
    metrics.fetched(task.state().sourceId(), task.url(), label(outcome));
    reports.accept(
        new FetchReport.UrlFetched(task, outcome, List.copyOf(links), published, clock.instant()));
  }

  private static FetchOutcome.Failed failed(ReasonCode reason, Integer status, String message) {
    return new FetchOutcome.Failed(reason, status, message, Failure.PERMANENT);
  }

  /** The outcome label of the fetch counter. */
  static String label(FetchOutcome outcome) {
    if (outcome instanceof FetchOutcome.Fetched fetched) {
      return fetched.httpStatus() == 304 ? "not_modified" : "ok";
    }
    if (outcome instanceof FetchOutcome.Failed failed) {
      return failed.reason().name().toLowerCase(java.util.Locale.ROOT);
    }
    return outcome instanceof FetchOutcome.Redirected ? "redirected" : "robots_disallowed";
  }
}
