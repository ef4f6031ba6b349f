package io.healthwatch.contracts.kafka;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a whole topic once, from the beginning to the end it has now, without a consumer group: for
 * reports (the demo's dead letters) and for tests. Committed records only.
 */
public final class TopicReader {
  private TopicReader() {}

  /** A record with its coordinates; the value as read (null for a tombstone). */
  public record Read<V>(int partition, long offset, String key, V value) {}

  /**
   * @param namespacedTopic the topic's name in its namespace
   * @throws IllegalStateException when the end is not reached within the timeout
   */
  public static <V> List<V> readAll(
      KafkaSettings kafka, String namespacedTopic, Topic<String, V> type, Duration timeout) {
    return readRecords(kafka, namespacedTopic, type, timeout).stream()
        .map(Read::value)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /**
   * Every record with its partition and offset, partition by partition in offset order; an empty
   * list when the topic does not exist.
   */
  public static <V> List<Read<V>> readRecords(
      KafkaSettings kafka, String namespacedTopic, Topic<String, V> type, Duration timeout) {
    var props = KafkaClients.consumer(kafka, "unused", "healthwatch-topic-reader");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    var values = new ArrayList<Read<V>>();
    try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(namespacedTopic, timeout).stream()
              .map(p -> new TopicPartition(namespacedTopic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + namespacedTopic + " to its end within " + timeout);
        }
        consumer
            .poll(Duration.ofMillis(100))
            .forEach(
                r ->
                    values.add(
                        new Read<>(
                            r.partition(),
                            r.offset(),
                            r.key(),
                            r.value() == null ? null : type.valueSerde().fromBytes(r.value()))));
      }
    }
    values.sort(
        java.util.Comparator.comparingInt((Read<V> r) -> r.partition())
            .thenComparingLong(Read::offset));
    return values;
  }
}
