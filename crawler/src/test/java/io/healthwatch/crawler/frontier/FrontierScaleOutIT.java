package io.healthwatch.crawler.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.DeadLetterPublisher;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.CrawlMetrics;
import io.healthwatch.crawler.CrawlPass;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.fetch.RobotsCache;
import io.healthwatch.crawler.publish.ArticlePublisher;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import io.healthwatch.devstack.sites.DemoSourcesFile;
import io.healthwatch.testkit.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two crawler instances in one group share the demo hosts through the frontier topic. */
class FrontierScaleOutIT {
  @TempDir Path dir;

  @Test
  void twoInstancesShareTheHostsAndFetchNoArticleTwice() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("frontier-it");
    var kafka = new KafkaSettings(endpoints.kafkaBootstrap(), 6, (short) 1, Map.of());
    TopicProvisioner.ensure(
        kafka, ns, List.of(Topics.FRONTIER, Topics.DISCOVERED, Topics.DEAD_LETTER));
    var fetch = new CrawlerConfig.Fetch("healthwatch-it/1.0", 2000, 5000, 20, 5 << 20, 1, 50, true);
    var corpus = DemoCorpus.load();

    try (var sites = DemoSites.start(corpus);
        var producer =
            new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "frontier-it"))) {
      var registry = SourceRegistry.load(DemoSourcesFile.write(sites, dir.resolve("sources.yml")));
      var workers = new ArrayList<FrontierWorker>();
      var threads = new ArrayList<Thread>();
      for (int i = 0; i < 2; i++) {
        // Each worker stands for a separate crawler process: its own fetcher and memory.
        var fetcher = new HttpFetcher(fetch);
        var publisher = new ArticlePublisher(producer, ns);
        var pass =
            new CrawlPass(
                fetcher,
                new RobotsCache(fetcher, fetch.userAgent()),
                true,
                publisher,
                new CrawlMetrics(new SimpleMeterRegistry()));
        var props = KafkaClients.consumer(kafka, ns + ".crawler", "frontier-it-" + i);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5);
        var worker =
            new FrontierWorker(
                new KafkaConsumer<>(props),
                producer,
                pass,
                new DeadLetterPublisher(producer, ns),
                registry,
                ns,
                Duration.ofHours(1),
                Duration.ofSeconds(4));
        workers.add(worker);
        threads.add(new Thread(worker, "worker-" + i));
      }
      threads.forEach(Thread::start);
      try {
        long deadline = System.currentTimeMillis() + 60_000;
        while (articles(kafka, ns).size() < 14 && System.currentTimeMillis() < deadline) {
          Thread.sleep(500);
        }
        Thread.sleep(2000);
      } finally {
        workers.forEach(FrontierWorker::stop);
        for (Thread thread : threads) {
          thread.join(10_000);
        }
      }

      List<DiscoveredArticle> articles = articles(kafka, ns);
      assertEquals(14, articles.size(), "every article once");
      for (var article : articles) {
        assertEquals(
            1,
            sites.requestCount(article.fetchedUrl()),
            "fetched more than once: " + article.fetchedUrl());
      }
      for (var worker : workers) {
        assertTrue(worker.handled() > 0, "each instance took a share of the hosts");
      }
    }
  }

  private static List<DiscoveredArticle> articles(KafkaSettings kafka, String ns) {
    return TopicReader.readAll(
        kafka, Topics.DISCOVERED.name(ns), Topics.DISCOVERED, Duration.ofSeconds(10));
  }
}
