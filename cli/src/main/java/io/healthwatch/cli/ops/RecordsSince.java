package io.healthwatch.cli.ops;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How many committed records a topic received since a time. Read, not taken from offsets: the
 * enricher writes in transactions, and its commit markers (one per partition every 100 ms) would
 * count as records, as would aborted ones.
 */
public final class RecordsSince {
  /** A count, and whether the time budget ran out before the end (then it is a lower bound). */
  public record Count(long records, boolean complete) {
    @Override
    public String toString() {
      return complete ? Long.toString(records) : "≥" + records;
    }
  }

  private RecordsSince() {}

  /** Without a consumer group; an absent topic counts 0. */
  public static Count count(KafkaSettings kafka, String topic, Instant since, Duration budget) {
    var props = KafkaClients.consumer(kafka, "unused", "healthwatch-status");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
      var infos = consumer.listTopics(budget).get(topic);
      if (infos == null) {
        return new Count(0, true);
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, budget);
      var query = new HashMap<TopicPartition, Long>();
      partitions.forEach(p -> query.put(p, since.toEpochMilli()));
      var starts = consumer.offsetsForTimes(query, budget);
      consumer.assign(partitions);
      for (TopicPartition partition : partitions) {
        var start = starts.get(partition);
        consumer.seek(partition, start == null ? ends.get(partition) : start.offset());
      }
      long records = 0;
      long deadline = System.nanoTime() + budget.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          return new Count(records, false);
        }
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
            records++;
          }
        }
      }
      return new Count(records, true);
    }
  }
}
