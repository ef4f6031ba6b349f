package io.healthwatch.cli.demo;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads the whole dead-letter topic of a namespace (committed records only). */
public final class DeadLetterReport {
  private DeadLetterReport() {}

  static List<DeadLetter> read(KafkaSettings kafka, String namespace) {
    String topic = Topics.DEAD_LETTER.name(namespace);
    var props = KafkaClients.consumer(kafka, "unused", "healthwatch-demo-report");
    props.remove("group.id");
    var letters = new ArrayList<DeadLetter>();
    try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
      var partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 15_000;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
          && System.currentTimeMillis() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          letters.add(Topics.DEAD_LETTER.valueSerde().fromBytes(record.value()));
        }
      }
    }
    return letters;
  }

  /** "crawler EXTRACTION_FAILED 1, crawler HTTP_STATUS 1" */
  public static String summary(List<DeadLetter> letters) {
    Map<String, Long> counts =
        new TreeMap<>(
            letters.stream()
                .collect(
                    Collectors.groupingBy(
                        l -> l.stage() + " " + l.reason(), Collectors.counting())));
    return counts.isEmpty()
        ? "none"
        : counts.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
