package io.healthwatch.indexer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.testkit.Infrastructure;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IndexerMetricsTest {
  @Test
  void bulkLatencyIsAHistogramPrometheusCanAggregate() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var metrics = new IndexerMetrics(registry);
    metrics.bulkTook(Duration.ofMillis(40));
    metrics.bulkTook(Duration.ofMillis(900));
    String scrape = registry.scrape();
    assertTrue(
        scrape.contains("healthwatch_indexer_bulk_request_seconds_bucket{le=\"+Inf\"} 2"), scrape);
    // Buckets around both values, so a quantile between them is not read off one wide bucket.
    long buckets =
        scrape
            .lines()
            .filter(l -> l.startsWith("healthwatch_indexer_bulk_request_seconds_bucket"))
            .count();
    assertTrue(buckets >= 20, "only " + buckets + " buckets");
    assertTrue(scrape.contains("healthwatch_indexer_bulk_request_seconds_count 2"), scrape);
  }

  @Test
  void everyIndexerMetricTheAlertRulesNameIsExported() throws Exception {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new IndexerMetrics(registry);
    String scrape = registry.scrape();
    String rules =
        Files.readString(Infrastructure.projectRoot().resolve("config/prometheus/alerts.yml"));
    var matcher = Pattern.compile("healthwatch_indexer_[a-z0-9_]+").matcher(rules);
    int named = 0;
    while (matcher.find()) {
      named++;
      assertTrue(
          Pattern.compile("(?m)^" + matcher.group() + "[{ ]").matcher(scrape).find(),
          matcher.group() + " is named by the rules but not exported:\n" + scrape);
    }
    assertTrue(named > 0);
  }
}
