package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one partition of the status topic from its beginning to its current end: the crawl states
 * an instance takes over with a frontier partition. No consumer group: the frontier's group decides
 * ownership, this only reads.
 */
public final class StatusRestore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusRestore.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;

  public StatusRestore(KafkaSettings kafka, String namespace, String clientId) {
    var props = KafkaClients.consumer(kafka, "unused", clientId);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    this.consumer = new KafkaConsumer<>(props);
    this.topic = Topics.CRAWL_STATUS.name(namespace);
  }

  /** Partitions of the status topic (must equal the frontier's). */
  public int partitions(Duration timeout) {
    return consumer.partitionsFor(topic, timeout).size();
  }

  /**
   * Hands over the partition's states in the topic's order (a later state of a URL follows its
   * earlier ones). An unreadable record is skipped with a warning: one bad state must not stop a
   * restore.
   *
   * @return how many states were handed over
   */
  public long read(int partition, Duration timeout, Consumer<CrawlState> into) {
    var tp = new TopicPartition(topic, partition);
    consumer.assign(List.of(tp));
    consumer.seekToBeginning(List.of(tp));
    long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
    long count = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (consumer.position(tp, timeout) < end) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "could not read " + tp + " to its end (" + end + ") within " + timeout);
      }
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (record.value() == null) {
          continue;
        }
        try {
          into.accept(Topics.CRAWL_STATUS.valueSerde().fromBytes(record.value()));
          count++;
        } catch (SerializationException e) {
          LOG.warn(
              "skipped unreadable crawl state at {}@{}: {}", tp, record.offset(), e.getMessage());
        }
      }
    }
    consumer.unsubscribe();
    return count;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
