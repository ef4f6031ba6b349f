package io.healthwatch.crawler;

import io.healthwatch.contracts.message.CrawlState.Status;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.fetch.FetchQueues;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.state.CrawlDb;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The crawler's named metrics: counters of fetches and outcomes, and gauges of the crawl state per
 * source (what the example alert rules in config/prometheus/ watch).
 */
public final class CrawlMetrics {
  private static final Duration FIGURES_TTL = Duration.ofSeconds(1);

  private final MeterRegistry registry;
  private final Counter published;
  private final Counter robotsDisallowed;
  private final Map<String, Counter> fetchCounters = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Map<String, CrawlDb.SourceFigures> figures = Map.of();
  private volatile Instant figuresAt = Instant.MIN;

  public CrawlMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.published = Counter.builder("healthwatch_crawler_articles_published").register(registry);
    this.robotsDisallowed =
        Counter.builder("healthwatch_crawler_robots_disallowed").register(registry);
  }

  /** One fetch: per source and per host, so a slow or failing host stands out. */
  public void fetched(String sourceId, String url, String outcome) {
    String host;
    try {
      host = java.net.URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    String h = host == null ? "unknown" : host;
    // Looked up once per source, host and outcome: a thousand fetches a second build no meters.
    fetchCounters
        .computeIfAbsent(
            sourceId + '\n' + h + '\n' + outcome,
            key ->
                Counter.builder("healthwatch_crawler_fetch")
                    .tag("source", sourceId)
                    .tag("host", h)
                    .tag("outcome", outcome)
                    .register(registry))
        .increment();
  }

  public void published() {
    published.increment();
  }

  public void deadLettered(ReasonCode reason) {
    Counter.builder("healthwatch_crawler_dead_letters")
        .tag("reason", reason.name())
        .register(registry)
        .increment();
  }

  public void robotsDisallowed() {
    robotsDisallowed.increment();
  }

  public double publishedCount() {
    return published.count();
  }

  /**
   * Gauges over the crawl state of the partitions this instance owns, per source of the registry.
   * With several instances, take the max of the last-success time and the sum of the counts.
   */
  public void watch(
      CrawlDb db, FetchQueues queues, List<Source> sources, Duration defaultInterval, Clock clock) {
    Gauge.builder("healthwatch_crawler_urls_queued", queues, FetchQueues::size)
        .description("URLs waiting in the fetch queues, due or not")
        .register(registry);
    Gauge.builder("healthwatch_crawler_urls_due", queues, FetchQueues::due)
        .description("URLs whose fetch time has come")
        .register(registry);
    Gauge.builder("healthwatch_crawler_fetches_in_flight", queues, FetchQueues::inFlight)
        .register(registry);
    Gauge.builder("healthwatch_crawler_states", db, CrawlDb::size)
        .description("URLs whose crawl state this instance holds")
        .register(registry);
    for (Source source : sources) {
      String id = source.id();
      Duration interval = source.interval() == null ? defaultInterval : source.interval();
      Gauge.builder("healthwatch_crawler_source_interval_seconds", () -> interval.toSeconds())
          .tag("source", id)
          .description("how often the source's entry pages are read")
          .register(registry);
      sourceGauge(
          "healthwatch_crawler_source_last_success_timestamp_seconds",
          id,
          db,
          clock,
          f -> f.lastSuccess() == null ? 0 : f.lastSuccess().getEpochSecond(),
          "when a URL of the source last answered with a page (0: not yet, or not owned here)");
      sourceGauge(
          "healthwatch_crawler_source_articles_24h",
          id,
          db,
          clock,
          f -> f.articles24h(),
          "articles first published from the source in the last 24 hours");
      sourceGauge(
          "healthwatch_crawler_source_articles_7d",
          id,
          db,
          clock,
          f -> f.articles7d(),
          "articles first published from the source in the last 7 days");
      for (Status status : Status.values()) {
        Gauge.builder(
                "healthwatch_crawler_source_urls",
                () -> {
                  var f = figures(db, clock).get(id);
                  return f == null ? 0 : f.byStatus().getOrDefault(status, 0L);
                })
            .tag("source", id)
            .tag("status", status.name().toLowerCase(Locale.ROOT))
            .register(registry);
      }
    }
  }

  private void sourceGauge(
      String name,
      String id,
      CrawlDb db,
      Clock clock,
      ToDoubleFunction<CrawlDb.SourceFigures> value,
      String description) {
    Gauge.builder(
            name,
            () -> {
              var f = figures(db, clock).get(id);
              return f == null ? 0 : value.applyAsDouble(f);
            })
        .tag("source", id)
        .description(description)
        .register(registry);
  }

  /** The per-source figures, computed at most once a second whatever the number of gauges. */
  private Map<String, CrawlDb.SourceFigures> figures(CrawlDb db, Clock clock) {
    Instant now = clock.instant();
    if (now.isAfter(figuresAt.plus(FIGURES_TTL))) {
      figures = db.figures(now);
      figuresAt = now;
    }
    return figures;
  }
}
