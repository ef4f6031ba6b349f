package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.frontier.Crawler;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.testkit.FixtureSite;
import io.healthwatch.testkit.FixtureSite.Answer;
import io.healthwatch.testkit.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./healthwatch replay} against a running crawler and the real broker: a page that was gone
 * and has come back is fetched again and published once; a replayed dead letter is not sent twice;
 * an enricher record goes back to the topic it was read from.
 */
class ReplayIT {
  @TempDir Path dir;

  @Test
  void aGonePageReplayedAfterItCameBackIsPublishedOnceAndAReplayIsNotRepeated() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("replay-it");
    var back = new AtomicBoolean(false);
    try (var site = FixtureSite.start()) {
      String page = FixtureSite.article("页面回来了", "国家医保局推进医保码全场景应用。");
      site.page("/back.html", (n, exchange) -> back.get() ? Answer.html(page) : Answer.status(404))
          .feed("/rss.xml", List.of("/back.html"));
      Path sources = site.writeSources(dir.resolve("sources.yml"), "/rss.xml");
      var config =
          CrawlerConfig.load(
              null,
              Map.of(),
              Map.of(
                  "namespace", ns,
                  "kafka.bootstrapServers", endpoints.kafkaBootstrap(),
                  "ops.port", "-1",
                  "recheckEvery", "PT1S",
                  "fetch.perHostDelayMillis", "20"));
      var kafka = config.kafka();
      TopicProvisioner.ensure(
          kafka,
          ns,
          List.of(Topics.FRONTIER, Topics.CRAWL_STATUS, Topics.DISCOVERED, Topics.DEAD_LETTER));
      String[] target = {
        "--set", "namespace=" + ns, "--set", "kafka.bootstrapServers=" + kafka.bootstrapServers()
      };
      try (var crawler =
          Crawler.start(
              config, SourceRegistry.load(sources), dir, false, new SimpleMeterRegistry())) {
        var thread = new Thread(crawler::run, "crawler");
        thread.start();
        try {
          await(
              "the page to be GONE",
              () -> status(kafka, ns, site.url("/back.html")) == CrawlState.Status.GONE);
          Thread.sleep(1500); // the feed lists it again: a GONE page stays alone
          assertEquals(1, site.requests("/back.html"));

          back.set(true);
          var replay = CliRun.of(new String[] {"replay", "--reason", "HTTP_STATUS"}, target);
          assertEquals(0, replay.exit(), replay.out());
          assertTrue(replay.out().contains("1 sent"), replay.out());
          await("the page to be published", () -> articles(kafka, ns).size() == 1);

          var again = CliRun.of(new String[] {"replay", "--reason", "HTTP_STATUS"}, target);
          assertTrue(again.out().contains("0 sent, 1 skipped"), again.out());
          assertTrue(again.out().contains("replayed already"), again.out());
          Thread.sleep(1500);
        } finally {
          crawler.stop();
          thread.join(20_000);
        }
      }
      assertEquals(1, articles(kafka, ns).size(), "published once");
      assertEquals(2, site.requests("/back.html"), "asked once before the replay, once after");
      assertEquals(CrawlState.Status.FETCHED, status(kafka, ns, site.url("/back.html")));
      var listed = CliRun.of(new String[] {"deadletters"}, target);
      assertTrue(listed.out().contains("[replayed "), listed.out());
    }
  }

  @Test
  void anEnricherRecordGoesBackToTheTopicItWasReadFromMarkedAsAReplay() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("replay-it");
    var config =
        CrawlerConfig.load(
            null,
            Map.of(),
            Map.of("namespace", ns, "kafka.bootstrapServers", endpoints.kafkaBootstrap()));
    var kafka = config.kafka();
    TopicProvisioner.ensure(kafka, ns, List.of(Topics.DISCOVERED, Topics.DEAD_LETTER));
    byte[] payload =
        "{\"schemaVersion\":1,\"id\":\"abc\",\"sourceId\":\"people\"}"
            .getBytes(StandardCharsets.UTF_8);
    var letter =
        new DeadLetter(
            DeadLetter.SCHEMA_VERSION,
            "enricher",
            ReasonCode.MISSING_PUBLISH_DATE,
            "article has no publish time",
            DeadLetter.payloadOf(payload),
            Topics.DISCOVERED.name(ns),
            0,
            7L,
            "abc",
            "http://people.com.cn/x.html",
            Instant.now());
    try (var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "it"))) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.DEAD_LETTER.name(ns),
                  "abc",
                  Topics.DEAD_LETTER.valueSerde().toBytes(letter)))
          .get();
    }
    var out =
        CliRun.of(
            "replay",
            "--stage",
            "enricher",
            "--source",
            "people",
            "--set",
            "namespace=" + ns,
            "--set",
            "kafka.bootstrapServers=" + kafka.bootstrapServers());
    assertTrue(out.out().contains("1 sent"), out.out());

    var props = KafkaClients.consumer(kafka, "unused", "it");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
      var partitions =
          consumer.partitionsFor(Topics.DISCOVERED.name(ns)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var records = consumer.poll(Duration.ofSeconds(10));
      assertEquals(1, records.count());
      var record = records.iterator().next();
      assertEquals("abc", record.key());
      assertEquals(
          new String(payload, StandardCharsets.UTF_8),
          new String(record.value(), StandardCharsets.UTF_8));
      assertTrue(record.headers().lastHeader(FrontierUrl.REPLAY_HEADER) != null);
    }
  }

  private static CrawlState.Status status(
      io.healthwatch.contracts.config.KafkaSettings kafka, String ns, String url) {
    CrawlState latest = null;
    for (CrawlState state :
        TopicReader.readAll(
            kafka, Topics.CRAWL_STATUS.name(ns), Topics.CRAWL_STATUS, Duration.ofSeconds(10))) {
      if (state.url().equals(url)) {
        latest = state;
      }
    }
    return latest == null ? null : latest.status();
  }

  private static List<DiscoveredArticle> articles(
      io.healthwatch.contracts.config.KafkaSettings kafka, String ns) {
    return TopicReader.readAll(
        kafka, Topics.DISCOVERED.name(ns), Topics.DISCOVERED, Duration.ofSeconds(10));
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(300);
    }
  }
}
