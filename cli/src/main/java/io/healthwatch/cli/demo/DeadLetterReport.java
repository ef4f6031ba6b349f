package io.healthwatch.cli.demo;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads the whole dead-letter topic of a namespace (committed records only). */
public final class DeadLetterReport {
  private DeadLetterReport() {}

  static List<DeadLetter> read(KafkaSettings kafka, String namespace) {
    return TopicReader.readAll(
        kafka, Topics.DEAD_LETTER.name(namespace), Topics.DEAD_LETTER, Duration.ofSeconds(15));
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
