package io.healthwatch.enricher.window;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.DeadLetters;
import io.healthwatch.enricher.EnricherMetrics;
import io.healthwatch.enricher.Routed;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Parses a discovered article, checks its publish time against the wall clock and assigns its
 * weekly window; anything it cannot use goes to the dead-letter sink with the reason.
 */
public final class ValidateProcessor implements Processor<String, byte[], String, Routed> {
  private final WeeklyCalendar windows;
  private final DateGate gate;
  private final EnricherMetrics metrics;
  private ProcessorContext<String, Routed> context;

  public ValidateProcessor(WeeklyCalendar windows, DateGate gate, EnricherMetrics metrics) {
    this.windows = windows;
    this.gate = gate;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    metrics.received();
    DiscoveredArticle article;
    try {
      article = Topics.DISCOVERED.valueSerde().fromBytes(record.value());
      if (article == null) {
        throw new SerializationException("empty value (tombstone) where an article was expected");
      }
    } catch (SerializationException e) {
      DeadLetters.send(
          context,
          record,
          ReasonCode.DESERIALIZATION_FAILED,
          e.getMessage(),
          record.value(),
          null,
          metrics);
      return;
    }
    var rejection =
        gate.check(article.publishedAt(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
    if (rejection.isPresent()) {
      DeadLetters.send(
          context,
          record,
          rejection.get().reason(),
          rejection.get().message(),
          record.value(),
          article.canonicalUrl(),
          metrics);
      return;
    }
    var windowed = new WindowedArticle(article, windows.windowOf(article.publishedAt()));
    context.forward(record.withKey(article.id()).withValue(new Routed(Routed.Route.TAG, windowed)));
  }
}
