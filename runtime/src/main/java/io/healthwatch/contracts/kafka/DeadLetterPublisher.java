package io.healthwatch.contracts.kafka;

import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.topic.Topics;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes dead letters for the plain-client stages (crawler, indexer) and waits for the broker's
 * acknowledgement, so a stage never moves past a record whose dead letter might be lost.
 */
public final class DeadLetterPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final Producer<String, byte[]> producer;
  private final String topic;

  /** The one log line of a dead letter, whoever writes it. */
  public static void log(DeadLetter letter) {
    LOG.warn(
        "dead-letter stage={} reason={} url={} message={}",
        letter.stage(),
        letter.reason(),
        letter.url(),
        letter.message());
  }

  public DeadLetterPublisher(Producer<String, byte[]> producer, String namespace) {
    this.producer = producer;
    this.topic = Topics.DEAD_LETTER.name(namespace);
  }

  /** Sets aside a record read from a topic, with its coordinates and its bytes as they were. */
  public void publish(
      String stage,
      ReasonCode reason,
      String message,
      ConsumerRecord<String, byte[]> record,
      String url) {
    publish(
        new DeadLetter(
            DeadLetter.SCHEMA_VERSION,
            stage,
            reason,
            message,
            DeadLetter.payloadOf(record.value()),
            record.topic(),
            record.partition(),
            record.offset(),
            record.key(),
            url,
            Instant.now()));
  }

  public void publish(DeadLetter letter) {
    log(letter);
    var record =
        new ProducerRecord<>(topic, letter.key(), Topics.DEAD_LETTER.valueSerde().toBytes(letter));
    AcknowledgedSend.send(producer, record, "dead letter");
  }
}
