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

  public void fetched(String sourceId, String outcome) {
    Counter.builder("healthwatch_crawler_fetch")
        .tag("source", sourceId)
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
