package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.kafka.DeadLetterPublisher;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.topic.Topics;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's writes through the crawler's idempotent producer, without waiting: the loop flushes
 * before it commits frontier offsets and before it records a page whose links it just wrote.
 */
final class KafkaStateSink implements StateSink {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaStateSink.class);

  private final Producer<String, byte[]> producer;
  private final String statusTopic;
  private final String frontierTopic;
  private final String deadLetterTopic;
  private final AtomicLong failures = new AtomicLong();

  KafkaStateSink(Producer<String, byte[]> producer, String namespace) {
    this.producer = producer;
    this.statusTopic = Topics.CRAWL_STATUS.name(namespace);
    this.frontierTopic = Topics.FRONTIER.name(namespace);
    this.deadLetterTopic = Topics.DEAD_LETTER.name(namespace);
  }

  @Override
  public Future<?> state(int partition, CrawlState state) {
    return producer.send(
        new ProducerRecord<>(
            statusTopic, partition, state.url(), Topics.CRAWL_STATUS.valueSerde().toBytes(state)),
        logged("crawl state", state.url()));
  }

  @Override
  public Future<?> link(String politenessKey, FrontierUrl url) {
    return producer.send(
        new ProducerRecord<>(
            frontierTopic, politenessKey, Topics.FRONTIER.valueSerde().toBytes(url)),
        logged("frontier URL", url.url()));
  }

  @Override
  public void deadLetter(DeadLetter letter) {
    DeadLetterPublisher.log(letter);
    producer.send(
        new ProducerRecord<>(
            deadLetterTopic, letter.key(), Topics.DEAD_LETTER.valueSerde().toBytes(letter)),
        logged("dead letter", letter.url()));
  }

  @Override
  public void flush() {
    producer.flush();
  }

  /** Writes the producer gave up on (after its own retries). */
  long failures() {
    return failures.get();
  }

  private Callback logged(String what, String url) {
    return (metadata, error) -> {
      if (error != null) {
        failures.incrementAndGet();
        LOG.warn("{} not written url={}: {}", what, url, error.toString());
      }
    };
  }
}
