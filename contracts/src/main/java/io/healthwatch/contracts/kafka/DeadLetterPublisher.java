package io.healthwatch.contracts.kafka;

import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.topic.Topics;
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

  public DeadLetterPublisher(Producer<String, byte[]> producer, String namespace) {
    this.producer = producer;
    this.topic = Topics.DEAD_LETTER.name(namespace);
  }

  public void publish(DeadLetter letter) {
    LOG.warn(
        "dead-letter stage={} reason={} url={} message={}",
        letter.stage(),
        letter.reason(),
        letter.url(),
        letter.message());
    var record =
        new ProducerRecord<>(topic, letter.key(), Topics.DEAD_LETTER.valueSerde().toBytes(letter));
    AcknowledgedSend.send(producer, record, "dead letter");
  }
}
