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
import java.nio.file.Files;
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

  private static String page(String paragraph) {
    return "<html><head><title>互联网医院试点扩大</title><meta name=\"publishdate\" content=\"2024-05-14 10:00\">"
        + "</head><body><h1>互联网医院试点扩大</h1><div class=\"content\">"
        + ("<p>" + paragraph + "多地卫生健康委推进互联网医院建设，患者线上复诊、电子处方流转和医保移动支付逐步打通。</p>").repeat(4)
        + "</div></body></html>";
  }

  @Test
  void anEditReachesTheTaggedTopicAsRevisionTwo() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("edit-it");
    try (var site = FixtureSite.start()) {
      site.page("/news.html", (n, exchange) -> Answer.html(page(n == 1 ? "初稿：" : "更正后：")))
          .page(
              "/rss.xml",
              new Answer(
                  200,
                  "application/rss+xml",
                  "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>"
                      + site.base()
                      + "</link><description>d</description><item><title>试点</title><link>"
                      + site.url("/news.html")
                      + "</link></item></channel></rss>",
                  Map.of()));
      Path sources =
          Files.writeString(
              dir.resolve("sources.yml"),
              "sources:\n  - id: fixture\n    name: 测试网\n    kind: rss\n    entryUrls: [\""
                  + site.url("/rss.xml")
                  + "\"]\n");
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
