package io.healthwatch.enricher;

import io.healthwatch.contracts.message.ReasonCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The enricher's named metrics. */
public final class EnricherMetrics {
  private final MeterRegistry registry;
  private final Counter in;

  public EnricherMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.in = Counter.builder("healthwatch_enricher_records_in").register(registry);
  }

  public static EnricherMetrics discarding() {
    return new EnricherMetrics(new SimpleMeterRegistry());
  }

  public void received() {
    in.increment();
  }

  /** An article written out: {@code tagged}, {@code updated} or {@code duplicate}. */
  public void emitted(String outcome) {
    Counter.builder("healthwatch_enricher_records_out")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void deadLettered(ReasonCode reason) {
    Counter.builder("healthwatch_enricher_dead_letters")
        .tag("reason", reason.name())
        .register(registry)
        .increment();
  }
}
