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
import io.healthwatch.crawler.publish.ArticlePublisher;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import io.healthwatch.devstack.sites.DemoSourcesFile;
import io.healthwatch.testkit.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawler instances in one group share the demo hosts through the frontier topic. */
class FrontierScaleOutIT {
  @TempDir Path dir;

  /** One crawler process: its own fetcher, memory and view of the fetched URLs. */
  private record Instance(FrontierWorker worker, FetchedUrls fetched, Thread thread) {
    void stop() throws InterruptedException {
      worker.stop();
      thread.join(10_000);
      fetched.close();
    }
  }

  @Test
  void instancesShareTheHostsAndNoArticleIsFetchedTwiceEvenWhenHostsChangeHands() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("frontier-it");
    var kafka = new KafkaSettings(endpoints.kafkaBootstrap(), 6, (short) 1, Map.of());
    TopicProvisioner.ensure(
        kafka, ns, List.of(Topics.FRONTIER, Topics.FETCHED, Topics.DISCOVERED, Topics.DEAD_LETTER));
    var corpus = DemoCorpus.load();

    try (var sites = DemoSites.start(corpus);
        var producer =
            new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "frontier-it"))) {
      var registry = SourceRegistry.load(DemoSourcesFile.write(sites, dir.resolve("sources.yml")));
      var instances = new ArrayList<Instance>();
      Set<Integer> hostPartitions = new HashSet<>();
      for (var source : registry.sources()) {
        for (String entry : source.entryUrls()) {
          byte[] key = HostKey.of(entry).getBytes(StandardCharsets.UTF_8);
          hostPartitions.add(Utils.toPositive(Utils.murmur2(key)) % kafka.partitions());
        }
      }
      try {
        // Two instances start together; sources are re-read every 3 s.
        instances.add(start(kafka, ns, producer, registry, 0));
        instances.add(start(kafka, ns, producer, registry, 1));
        long deadline = System.currentTimeMillis() + 60_000;
        while (articles(kafka, ns).size() < 14 && System.currentTimeMillis() < deadline) {
          Thread.sleep(500);
        }
        // A third joins: hosts move between instances while the sources keep being re-read.
        instances.add(start(kafka, ns, producer, registry, 2));
        // The group rebalances on its own schedule (slower on a loaded machine): wait for the
        // newcomer's share, and its first record when that share holds a host, then a few more
        // re-reads.
        var newcomer = instances.get(2).worker();
        long joined = System.currentTimeMillis() + 45_000;
        while (System.currentTimeMillis() < joined
            && (newcomer.ownedPartitions().isEmpty()
                || ownsHosts(newcomer, hostPartitions) && newcomer.handled() == 0)) {
          Thread.sleep(250);
        }
        Thread.sleep(6_000);
      } finally {
        for (Instance instance : instances) {
          instance.stop();
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
      assertTrue(
          instances.get(0).worker().handled() > 0 && instances.get(1).worker().handled() > 0,
          "the first two instances each took a share of the hosts");
      var newcomer = instances.get(2).worker();
      assertTrue(!newcomer.ownedPartitions().isEmpty(), "the late instance was given a share");
      // Hosts hash to partitions; 7 hosts over 6 partitions may leave the newcomer's share empty.
      if (ownsHosts(newcomer, hostPartitions)) {
        assertTrue(newcomer.handled() > 0, "the late instance took its hosts over");
      }
    }
  }

  private static Instance start(
      KafkaSettings kafka,
      String ns,
      KafkaProducer<String, byte[]> producer,
      SourceRegistry registry,
      int n) {
    var fetch =
        new CrawlerConfig.Fetch("healthwatch-it/1.0", 2000, 5000, 20, 5 << 20, 1, 50, true, 5);
    var pass =
        new CrawlPass(
            fetch, new ArticlePublisher(producer, ns), new CrawlMetrics(new SimpleMeterRegistry()));
    var props = KafkaClients.consumer(kafka, ns + ".crawler", "frontier-it-" + n);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5);
    var fetched = new FetchedUrls(kafka, ns, producer);
    var worker =
        new FrontierWorker(
            new KafkaConsumer<>(props),
            producer,
            pass,
            new DeadLetterPublisher(producer, ns),
            fetched,
            registry,
            ns,
            Duration.ofSeconds(3),
            Duration.ofSeconds(4));
    var thread = new Thread(worker, "worker-" + n);
    thread.start();
    return new Instance(worker, fetched, thread);
  }

  private static List<DiscoveredArticle> articles(KafkaSettings kafka, String ns) {
    return TopicReader.readAll(
        kafka, Topics.DISCOVERED.name(ns), Topics.DISCOVERED, Duration.ofSeconds(10));
  }

  private static boolean ownsHosts(FrontierWorker worker, Set<Integer> hostPartitions) {
    return !Collections.disjoint(worker.ownedPartitions(), hostPartitions);
  }
}
