package io.healthwatch.enricher;

import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.ReasonCode;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Builds the enricher's dead letters with the coordinates of the record being processed. */
public final class DeadLetters {
  private static final String STAGE = "enricher";

  private DeadLetters() {}

  public static void send(
      ProcessorContext<String, Routed> context,
      Record<String, ?> record,
      ReasonCode reason,
      String message,
      byte[] payload,
      String url,
      EnricherMetrics metrics) {
    metrics.deadLettered(reason);
    var metadata = context.recordMetadata();
    var letter =
        new DeadLetter(
            DeadLetter.SCHEMA_VERSION,
            STAGE,
            reason,
            message,
            DeadLetter.payloadOf(payload),
            metadata.map(m -> m.topic()).orElse(null),
            metadata.map(m -> m.partition()).orElse(null),
            metadata.map(m -> m.offset()).orElse(null),
            record.key(),
            url,
            Instant.now());
    context.forward(record.withValue(new Routed(Routed.Route.DEAD_LETTER, letter)));
  }
}
