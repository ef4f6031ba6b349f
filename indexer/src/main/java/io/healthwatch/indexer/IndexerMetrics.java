package io.healthwatch.indexer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The indexer's named metrics. */
public final class IndexerMetrics {
  private final Counter consumed;
  private final Counter indexed;
  private final Counter rejected;
  private final Counter retries;
  private final Timer bulk;

  public IndexerMetrics(MeterRegistry registry) {
    consumed = Counter.builder("healthwatch_indexer_records_consumed").register(registry);
    indexed = Counter.builder("healthwatch_indexer_documents_indexed").register(registry);
    rejected = Counter.builder("healthwatch_indexer_dead_letters").register(registry);
    retries = Counter.builder("healthwatch_indexer_bulk_retries").register(registry);
    // A histogram, not a summary: p95 and p99 across instances come from summing buckets
    // (histogram_quantile in Prometheus), which quantiles computed per process cannot give.
    bulk =
        Timer.builder("healthwatch_indexer_bulk_request")
            .description("bulk requests to OpenSearch, failed ones included")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(5))
            .maximumExpectedValue(Duration.ofMinutes(2))
            .register(registry);
  }

  public void consumed(int count) {
    consumed.increment(count);
  }

  public void indexed(int count) {
    indexed.increment(count);
  }

  public void rejected() {
    rejected.increment();
  }

  public void retried() {
    retries.increment();
  }

  public void bulkTook(Duration duration) {
    bulk.record(duration);
  }
}
