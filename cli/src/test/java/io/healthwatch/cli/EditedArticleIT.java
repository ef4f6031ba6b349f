package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.frontier.Crawler;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.enricher.EnricherConfig;
import io.healthwatch.enricher.EnricherMain;
import io.healthwatch.enricher.EnricherTopology;
import io.healthwatch.testkit.FixtureSite;
import io.healthwatch.testkit.FixtureSite.Answer;
import io.healthwatch.testkit.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article edited after its first fetch reaches the public tagged topic as revision 2 within the
 * re-fetch window: the crawler reads it again, the enricher sees the same id with new text.
 */
class EditedArticleIT {
  @TempDir Path dir;

  @Test
  void anEditReachesTheTaggedTopicAsRevisionTwo() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("edit-it");
    try (var site = FixtureSite.start()) {
      site.page(
              "/news.html",
              (n, exchange) ->
                  Answer.html(FixtureSite.article("互联网医院试点扩大", n == 1 ? "初稿：" : "更正后：")))
          .feed("/rss.xml", List.of("/news.html"));
      Path sources = site.writeSources(dir.resolve("sources.yml"), "/rss.xml");
      var crawlerConfig =
          CrawlerConfig.load(
              null,
              Map.of(),
              Map.of(
                  "namespace", ns,
                  "kafka.bootstrapServers", endpoints.kafkaBootstrap(),
                  "ops.port", "-1",
                  "recheckEvery", "PT5S",
                  "schedule.refetchEvery", "PT2S",
                  "schedule.refetchWindow", "PT30S",
                  "fetch.perHostDelayMillis", "20"));
      var enricherConfig =
          EnricherConfig.load(
              null,
              Map.of(),
              Map.of(
                  "namespace",
                  ns,
                  "kafka.bootstrapServers",
                  endpoints.kafkaBootstrap(),
                  "stateDir",
                  dir.resolve("state").toString(),
                  "window.maxAge",
                  "P36500D",
                  "ops.port",
                  "-1"));
      var kafka = crawlerConfig.kafka();
      TopicProvisioner.ensure(
          kafka,
          ns,
          List.of(
              Topics.FRONTIER,
              Topics.CRAWL_STATUS,
              Topics.DISCOVERED,
              Topics.TAGGED,
              Topics.DUPLICATES,
              Topics.DEAD_LETTER));
      var streams =
          new KafkaStreams(
              EnricherTopology.build(enricherConfig),
              EnricherMain.streamsProperties(
                  enricherConfig, ServiceArgs.parse("enricher", new String[0])));
      streams.start();
      try (var crawler =
          Crawler.start(
              crawlerConfig, SourceRegistry.load(sources), dir, false, new SimpleMeterRegistry())) {
        var thread = new Thread(crawler::run, "crawler");
        thread.start();
        try {
          long deadline = System.currentTimeMillis() + 60_000;
          while (tagged(kafka, ns).stream().noneMatch(t -> t.revision() == 2)
              && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
          }
          Thread.sleep(3000); // further re-reads of the unchanged page publish nothing
        } finally {
          crawler.stop();
          thread.join(20_000);
        }
      } finally {
        streams.close(EnricherMain.gracefully());
      }
      var revisions = tagged(kafka, ns);
      assertEquals(
          List.of(1, 2),
          revisions.stream().map(TaggedArticle::revision).toList(),
          "revisions: " + revisions);
      assertEquals(revisions.get(0).id(), revisions.get(1).id(), "one article, updated");
      assertTrue(revisions.get(0).article().body().contains("初稿"));
      assertTrue(revisions.get(1).article().body().contains("更正后"));
      assertTrue(site.requests("/news.html") >= 3, "re-read within the window");
    }
  }

  private static List<TaggedArticle> tagged(
      io.healthwatch.contracts.config.KafkaSettings kafka, String ns) {
    return TopicReader.readAll(
        kafka, Topics.TAGGED.name(ns), Topics.TAGGED, Duration.ofSeconds(10));
  }
}
