package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.devstack.process.LocalPipeline;
import io.healthwatch.devstack.process.LocalPipeline.Service;
import io.healthwatch.devstack.process.SourcesRegistry;
import io.healthwatch.devstack.services.LocalService;
import io.healthwatch.devstack.services.LocalServices;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.LiveArticles;
import io.healthwatch.devstack.sites.LiveSite;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The pipeline on the local cluster (three brokers, two nodes; {@code ./healthwatch services
 * --cluster}) with topics of three replicas, {@code min.insync.replicas} 2 and one replica per
 * index: a broker stopped while articles stream, then a node stopped while the indexer writes, stop
 * no service and lose no article; each is on the tagged topic once and in the index once.
 */
class ClusterFailoverIT {
  private static final int SITES = 6;
  private static final int ROUND = 36;
  @TempDir Path work;

  @Test
  void aStoppedBrokerAndAStoppedNodeLoseNothingAndStopNothing() throws Exception {
    var cluster = LocalServices.cluster(Infrastructure.projectRoot());
    boolean wasRunning = cluster.statusAll().stream().allMatch(LocalService.Status::running);
    cluster.startAll();
    var config = cluster.config();
    String ns = Infrastructure.namespace("cluster-it");
    var kafka =
        new KafkaSettings(config.kafkaBootstrap(), 3, (short) config.kafkaReplication(), Map.of());
    OpenSearchClient node1 =
        OpenSearchClients.create(new OpenSearchSettings(cluster.openSearch(1).url(), "", ""));
    var outlets = DemoCorpus.load().outlets();
    var articles = LiveArticles.distinct(3 * ROUND);
    var sites = new ArrayList<LiveSite>();
    try {
      var sources = new ArrayList<Map<String, Object>>();
      for (int i = 0; i < SITES; i++) {
        var outlet = outlets.get(i % outlets.size());
        var site = LiveSite.start(outlet);
        sites.add(site);
        sources.add(SourcesRegistry.rss("site" + i, outlet.name(), site.feedUrl()));
      }
      Path registry = SourcesRegistry.write(work.resolve("sources.yml"), sources);
      Function<Map<String, Object>, Map<String, Object>> on =
          own -> {
            var c = LocalPipeline.config(ns, config.kafkaBootstrap(), -1, own);
            c.put(
                "kafka",
                Map.of(
                    "bootstrapServers", config.kafkaBootstrap(),
                    "replicationFactor", config.kafkaReplication()));
            return c;
          };
      var services =
          List.of(
              Service.of(
                  "enricher", on.apply(Map.of("stateDir", work.resolve("state").toString()))),
              Service.of(
                  "indexer",
                  on.apply(
                      Map.of(
                          "opensearch",
                          Map.of("url", config.openSearchUrl()),
                          "indexReplicas",
                          1))),
              Service.of(
                  "crawler",
                  on.apply(
                      Map.of(
                          "sources", registry.toString(),
                          "recheckEvery", "PT1S",
                          "fetch", Map.of("perHostDelayMillis", 100)))));
      try (var pipeline = LocalPipeline.start(Infrastructure.projectRoot(), work, services)) {
        publish(sites, articles.subList(0, ROUND));
        awaitAtLeast(node1, ns, ROUND / 3, pipeline);

        // 1. The broker leading the tagged topic's first partition goes while articles stream.
        int broker = leaderOfFirstPartition(config.kafkaBootstrap(), Topics.TAGGED.name(ns));
        long before = SearchableArticles.count(node1, ns);
        assertTrue(cluster.kafka(broker).stop(), "broker " + broker + " stopped");
        System.out.printf(
            "stopped broker %d (leader of %s-0) with %d of %d articles indexed%n",
            broker, Topics.TAGGED.name(ns), before, ROUND);
        publish(sites, articles.subList(ROUND, 2 * ROUND));
        SearchableArticles.await(node1, ns, 2 * ROUND, pipeline);
        System.out.printf("with broker %d down: %d articles indexed%n", broker, 2 * ROUND);

        // 2. The second node goes while the indexer writes; the first keeps the cluster.
        String primary = primaryNode(node1, ns);
        publish(sites, articles.subList(2 * ROUND, 3 * ROUND));
        awaitAtLeast(node1, ns, 2 * ROUND + ROUND / 4, pipeline);
        long atNodeStop = SearchableArticles.count(node1, ns);
        assertTrue(cluster.openSearch(2).stop(), "node 2 stopped");
        System.out.printf(
            "stopped node 2 (the articles' primary was on %s) with %d of %d indexed%n",
            primary, atNodeStop, 3 * ROUND);
        SearchableArticles.await(node1, ns, 3 * ROUND, pipeline);
        System.out.printf(
            "with broker %d and node 2 down: %d of %d articles indexed%n",
            broker, SearchableArticles.count(node1, ns), 3 * ROUND);

        var titles = new HashSet<String>();
        for (var hit :
            node1
                .search(
                    s -> s.index(Indices.ARTICLES.alias(ns)).size(3 * ROUND + 10),
                    com.fasterxml.jackson.databind.JsonNode.class)
                .hits()
                .hits()) {
          assertTrue(titles.add(hit.source().path("title").asText()), "twice: " + hit.id());
        }
        assertEquals(
            articles.stream().map(DemoCorpus.Article::title).collect(Collectors.toSet()),
            titles,
            "every article published, and only those");
        pipeline.requireAlive();
      }
      assertTopicsReplicated(config.kafkaBootstrap(), ns, config.kafkaReplication());
      Map<String, Long> onTopic = TaggedTopic.recordsPerArticle(kafka, ns);
      assertEquals(articles.size(), onTopic.size(), "every article on the tagged topic");
      assertTrue(onTopic.values().stream().allMatch(n -> n == 1), "each once: " + onTopic);
      assertEquals(
          List.of(),
          TopicReader.readAll(
              kafka, Topics.DEAD_LETTER.name(ns), Topics.DEAD_LETTER, Duration.ofSeconds(3)),
          "a lost broker or node is not a reason to dead-letter");
    } finally {
      sites.forEach(LiveSite::close);
      if (wasRunning) {
        cluster.startAll();
      } else {
        // Five more JVMs are too many to leave behind for the rest of the build.
        cluster.stopAll();
      }
    }
  }

  private static void publish(List<LiveSite> sites, List<DemoCorpus.Article> articles) {
    for (int i = 0; i < articles.size(); i++) {
      sites.get(i % sites.size()).publish(articles.get(i));
    }
  }

  private static void awaitAtLeast(
      OpenSearchClient client, String ns, long expected, LocalPipeline pipeline)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (SearchableArticles.count(client, ns) < expected) {
      pipeline.requireAlive();
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "fewer than " + expected + " articles indexed; logs in " + pipeline.logs());
      }
      Thread.sleep(200);
    }
  }

  private static int leaderOfFirstPartition(String bootstrap, String topic) throws Exception {
    try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .get(0)
          .leader()
          .id();
    }
  }

  /** Every topic of the namespace has the cluster's replicas and keeps two of them in sync. */
  private static void assertTopicsReplicated(String bootstrap, String ns, int replicas)
      throws Exception {
    try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      var names =
          admin.listTopics().names().get().stream().filter(name -> name.startsWith(ns)).toList();
      assertTrue(names.size() >= 4, "the namespace's topics: " + names);
      var descriptions = admin.describeTopics(names).allTopicNames().get();
      var resources =
          names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
      var configs = admin.describeConfigs(resources).all().get();
      for (String name : names) {
        for (var partition : descriptions.get(name).partitions()) {
          assertEquals(replicas, partition.replicas().size(), name + " replicas");
        }
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        assertEquals(
            "2", configs.get(resource).get("min.insync.replicas").value(), name + " min ISR");
      }
      System.out.printf(
          "%d topics, each with %d replicas and min.insync.replicas 2 (%s)%n",
          names.size(), replicas, String.join(", ", names));
    }
  }

  private static String primaryNode(OpenSearchClient client, String ns) throws Exception {
    return client.cat().shards(s -> s.index(Indices.ARTICLES.alias(ns))).valueBody().stream()
        .filter(shard -> "p".equals(shard.prirep()))
        .map(shard -> shard.node())
        .findFirst()
        .orElse("?");
  }
}
