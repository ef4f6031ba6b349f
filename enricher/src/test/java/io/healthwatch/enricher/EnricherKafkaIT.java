package io.healthwatch.enricher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topic;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enricher against a real broker: three partitions, exactly once, a restart mid-stream. */
class EnricherKafkaIT {
  @TempDir Path stateDir;

  private static final List<String> FIRST_HALF =
      List.of(
          "xinhua-alipay-medical",
          "yunnan-ai-medical",
          "stdaily-wuhan-union-ai-clinic",
          "chinanews-cba-finals",
          "gmw-winning-ai-cloud");
  private static final List<String> SECOND_HALF =
      List.of(
          "chinanews-reprint-alipay-medical",
          "xinhua-a-share-market",
          "wz66-data-elements-health",
          "xinhua-jinan-digital-health",
          "chinanews-redhouse-ai-assistant",
          "ynet-test-result-mutual-recognition",
          "chinanews-zhejiang-ai-medicine",
          "stdaily-insurance-platform-april");

  @Test
  void reprintOnAnotherPartitionIsFoundAndARestartLosesAndRepeatsNothing() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("enricher-it");
    var config =
        EnricherConfig.load(
            null,
            Map.of(),
            Map.of(
                "namespace",
                ns,
                "kafka.bootstrapServers",
                endpoints.kafkaBootstrap(),
                "kafka.partitions",
                "3",
                "stateDir",
                stateDir.toString(),
                "window.maxAge",
                "P36500D",
                "ops.port",
                "-1"));
    TopicProvisioner.ensure(
        config.kafka(),
        ns,
        List.of(Topics.DISCOVERED, Topics.TAGGED, Topics.DUPLICATES, Topics.DEAD_LETTER));
    var args = ServiceArgs.parse("enricher", new String[0]);

    try (var producer =
        new KafkaProducer<String, byte[]>(KafkaClients.producer(config.kafka(), "it"))) {
      var streams = start(config, args);
      send(producer, ns, FIRST_HALF);
      producer
          .send(new ProducerRecord<>(Topics.DISCOVERED.name(ns), "bad", "not json".getBytes()))
          .get();
      await(config, ns, FIRST_HALF.size());
      streams.close(EnricherMain.gracefully());

      streams = start(config, args);
      send(producer, ns, SECOND_HALF);
      await(config, ns, FIRST_HALF.size() + SECOND_HALF.size() - 1);
      streams.close(EnricherMain.gracefully());
    }

    List<TaggedArticle> tagged = read(config, Topics.TAGGED.name(ns), Topics.TAGGED);
    Map<String, Long> firstEmissions =
        tagged.stream()
            .filter(t -> t.revision() == 1)
            .collect(Collectors.groupingBy(TaggedArticle::id, Collectors.counting()));
    assertTrue(
        firstEmissions.values().stream().allMatch(n -> n == 1),
        "no article published twice: " + firstEmissions);
    assertEquals(
        FIRST_HALF.size() + SECOND_HALF.size() - 1,
        firstEmissions.size(),
        "every article but the reprint is a primary");

    String alipay = DemoArticles.discovered("xinhua-alipay-medical").id();
    String reprint = DemoArticles.discovered("chinanews-reprint-alipay-medical").id();
    var latest = new HashMap<String, TaggedArticle>();
    tagged.forEach(t -> latest.merge(t.id(), t, (a, b) -> a.revision() >= b.revision() ? a : b));
    assertEquals(List.of(reprint), latest.get(alipay).reprints());
    List<TaggedArticle> duplicates = read(config, Topics.DUPLICATES.name(ns), Topics.DUPLICATES);
    assertEquals(1, duplicates.size());
    assertEquals(reprint, duplicates.get(0).id());
    assertEquals(ArticleStatus.DUPLICATE, duplicates.get(0).status());
    assertEquals(alipay, duplicates.get(0).dedup().duplicateOf());

    List<DeadLetter> letters = read(config, Topics.DEAD_LETTER.name(ns), Topics.DEAD_LETTER);
    assertEquals(1, letters.size());
    assertEquals(ReasonCode.DESERIALIZATION_FAILED, letters.get(0).reason());
    assertEquals("not json", letters.get(0).payload());
  }

  private static KafkaStreams start(EnricherConfig config, ServiceArgs args) {
    var streams =
        new KafkaStreams(
            EnricherTopology.build(config), EnricherMain.streamsProperties(config, args));
    streams.start();
    return streams;
  }

  private static void send(KafkaProducer<String, byte[]> producer, String ns, List<String> ids)
      throws Exception {
    for (String id : ids) {
      // Fetched now, as the crawler would stamp it: dedup's retention counts from the fetch.
      var article = DemoArticles.fetchedAt(DemoArticles.discovered(id), Instant.now());
      producer
          .send(
              new ProducerRecord<>(
                  Topics.DISCOVERED.name(ns),
                  article.id(),
                  Topics.DISCOVERED.valueSerde().toBytes(article)))
          .get();
    }
  }

  /** Waits until the tagged topic holds the expected number of distinct primaries. */
  private static void await(EnricherConfig config, String ns, int primaries)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      long seen =
          read(config, Topics.TAGGED.name(ns), Topics.TAGGED).stream()
              .filter(t -> t.revision() == 1)
              .map(TaggedArticle::id)
              .distinct()
              .count();
      if (seen >= primaries) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the enricher did not publish " + primaries + " articles in 60 s");
  }

  private static <V> List<V> read(EnricherConfig config, String topic, Topic<String, V> type) {
    return TopicReader.readAll(config.kafka(), topic, type, Duration.ofSeconds(10));
  }
}
