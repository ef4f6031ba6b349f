package io.healthwatch.crawler;

import io.healthwatch.contracts.message.ReasonCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The crawler's named metrics. */
public final class CrawlMetrics {
  private final MeterRegistry registry;
  private final Counter published;
  private final Counter robotsDisallowed;

  public CrawlMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.published = Counter.builder("healthwatch_crawler_articles_published").register(registry);
    this.robotsDisallowed =
        Counter.builder("healthwatch_crawler_robots_disallowed").register(registry);
  }

  /** One fetch: per source and per host, so a slow or failing host stands out. */
  public void fetched(String sourceId, String url, String outcome) {
    String host = java.net.URI.create(url).getHost();
    Counter.builder("healthwatch_crawler_fetch")
        .tag("source", sourceId)
        .tag("host", host == null ? "unknown" : host)
        .tag("outcome", outcome)
        .register(registry)
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
}
