package io.healthwatch.enricher;

import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.ReasonCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Builds the enricher's dead letters with the coordinates of the record being processed. */
public final class DeadLetters {
  public static final String SINK = "dead-letter-sink";
  private static final String STAGE = "enricher";

  private DeadLetters() {}

  public static void send(ProcessorContext<String, Object> context, Record<String, ?> record,
      ReasonCode reason, String message, byte[] payload, String url, EnricherMetrics metrics) {
    metrics.deadLettered(reason);
    var metadata = context.recordMetadata();
    var letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, STAGE, reason, message, text(payload),
        metadata.map(m -> m.topic()).orElse(null), metadata.map(m -> m.partition()).orElse(null),
        metadata.map(m -> m.offset()).orElse(null), record.key(), url, Instant.now());
    context.forward(record.withValue((Object) letter), SINK);
  }

  /** UTF-8 text as is; anything else base64 with a prefix, so no byte of the original is lost. */
  static String text(byte[] payload) {
    if (payload == null) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload)).toString();
    } catch (CharacterCodingException e) {
      return "base64:" + Base64.getEncoder().encodeToString(payload);
    }
  }
}
