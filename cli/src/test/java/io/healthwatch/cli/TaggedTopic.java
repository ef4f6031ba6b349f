package io.healthwatch.cli;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The public tagged topic as a downstream consumer reads it, for the end-to-end tests. */
final class TaggedTopic {
  private TaggedTopic() {}

  /** How many records each article has on the namespace's tagged topic; the totals printed. */
  static Map<String, Long> recordsPerArticle(KafkaSettings kafka, String ns) {
    Map<String, Long> onTopic =
        TopicReader.readAll(kafka, Topics.TAGGED.name(ns), Topics.TAGGED, Duration.ofSeconds(30))
            .stream()
            .collect(Collectors.groupingBy(TaggedArticle::id, Collectors.counting()));
    System.out.printf(
        "tagged topic: %d records for %d articles%n",
        onTopic.values().stream().mapToLong(Long::longValue).sum(), onTopic.size());
    return onTopic;
  }
}
