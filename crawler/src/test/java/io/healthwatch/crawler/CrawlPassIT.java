package io.healthwatch.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.publish.ArticlePublisher;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import io.healthwatch.devstack.sites.DemoSourcesFile;
import io.healthwatch.testkit.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler reads the demo sites over HTTP and publishes to a real broker. */
class CrawlPassIT {
  @TempDir Path dir;

  @Test
  void everyDemoPageEndsAsAnArticleOrADeadLetterWithItsReason() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("crawler-it");
    var kafka = new KafkaSettings(endpoints.kafkaBootstrap(), 3, (short) 1, Map.of());
    TopicProvisioner.ensure(kafka, ns, List.of(Topics.DISCOVERED, Topics.DEAD_LETTER));
    var fetch =
        new CrawlerConfig.Fetch("healthwatch-it/1.0", 2000, 5000, 10, 5 << 20, 1, 50, true, 5);
    var corpus = DemoCorpus.load();

    try (var sites = DemoSites.start(corpus);
        var producer =
            new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "crawler-it"))) {
      var registry = SourceRegistry.load(DemoSourcesFile.write(sites, dir.resolve("sources.yml")));
      var pass =
          new CrawlPass(
              fetch,
              new ArticlePublisher(producer, ns),
              new CrawlMetrics(new SimpleMeterRegistry()));
      for (var source : registry.sources()) {
        pass.crawl(source);
      }
    }

    List<DiscoveredArticle> articles =
        TopicReader.readAll(
            kafka, Topics.DISCOVERED.name(ns), Topics.DISCOVERED, Duration.ofSeconds(20));
    Set<String> expectedLinks =
        corpus.articles().stream()
            .filter(a -> !a.kind().equals("broken") && !a.kind().equals("missing"))
            .map(DemoCorpus.Article::link)
            .collect(Collectors.toSet());
    assertEquals(
        expectedLinks,
        articles.stream().map(DiscoveredArticle::canonicalUrl).collect(Collectors.toSet()));
    var alipay =
        articles.stream().filter(a -> a.title().startsWith("“智慧”赋能")).findFirst().orElseThrow();
    assertEquals("新华网", alipay.sourceName());
    assertTrue(alipay.fetchedUrl().startsWith("http://127.0.0.1:"));

    List<DeadLetter> letters =
        TopicReader.readAll(
            kafka, Topics.DEAD_LETTER.name(ns), Topics.DEAD_LETTER, Duration.ofSeconds(20));
    assertEquals(
        Set.of(ReasonCode.EXTRACTION_FAILED, ReasonCode.HTTP_STATUS),
        letters.stream().map(DeadLetter::reason).collect(Collectors.toSet()));
    assertTrue(letters.stream().allMatch(l -> l.stage().equals("crawler") && l.url() != null));
  }
}
