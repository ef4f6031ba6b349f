package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.cli.ops.LoopbackPort;
import io.healthwatch.cli.ops.MetricsScraper;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.devstack.process.LocalPipeline;
import io.healthwatch.devstack.process.LocalPipeline.Service;
import io.healthwatch.devstack.process.SourcesRegistry;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.LiveArticles;
import io.healthwatch.devstack.sites.LiveSite;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.testkit.Infrastructure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Two instances of each service on six partitions, as separate processes against the real broker
 * and node, with twelve live sites: the work is split (each instance does some), and when one of
 * each is killed with SIGKILL and later started again, every article is still indexed exactly once
 * and nothing is dead-lettered.
 */
class ScaleOutIT {
  private static final int PARTITIONS = 6;
  private static final int SITES = 12;
  @TempDir Path work;

  @Test
  void twoOfEachSplitTheWorkAndAKilledInstanceLosesNothing() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("scale-it");
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(endpoints.openSearchUrl(), "", ""));
    var outlets = DemoCorpus.load().outlets();
    var sites = new ArrayList<LiveSite>();
    var articles = LiveArticles.distinct(3 * SITES);
    try {
      var sources = new ArrayList<Map<String, Object>>();
      for (int i = 0; i < SITES; i++) {
        var site = LiveSite.start(outlets.get(i % outlets.size()));
        sites.add(site);
        sources.add(
            SourcesRegistry.rss(
                "site" + i, outlets.get(i % outlets.size()).name(), site.feedUrl()));
      }
      Path registry = SourcesRegistry.write(work.resolve("sources.yml"), sources);
      var ports = new LinkedHashMap<String, Integer>();
      var services = new ArrayList<Service>();
      for (int n = 1; n <= 2; n++) {
        services.add(
            instance(
                "enricher",
                n,
                ns,
                endpoints.kafkaBootstrap(),
                ports,
                Map.of("stateDir", work.resolve("enricher-state-" + n).toString())));
      }
      for (int n = 1; n <= 2; n++) {
        services.add(
            instance(
                "indexer",
                n,
                ns,
                endpoints.kafkaBootstrap(),
                ports,
                Map.of(
                    "opensearch", Map.of("url", endpoints.openSearchUrl()), "indexReplicas", 0)));
      }
      for (int n = 1; n <= 2; n++) {
        services.add(
            instance(
                "crawler",
                n,
                ns,
                endpoints.kafkaBootstrap(),
                ports,
                Map.of(
                    "sources",
                    registry.toString(),
                    "recheckEvery",
                    "PT1S",
                    "fetch",
                    Map.of("perHostDelayMillis", 200))));
      }
      try (var pipeline = LocalPipeline.start(Infrastructure.projectRoot(), work, services)) {
        // 1. Both instances of each at work.
        publish(sites, articles.subList(0, SITES));
        SearchableArticles.await(client, ns, SITES, pipeline);
        for (String name : List.of("crawler-1", "crawler-2")) {
          assertTrue(
              MetricsScraper.scrape(ports.get(name)).getOrDefault("healthwatch_crawler_fetch", 0.0)
                  > 0,
              name + " fetched nothing: the frontier is not split; logs in " + pipeline.logs());
        }
        for (String name : List.of("enricher-1", "enricher-2")) {
          assertTrue(
              MetricsScraper.scrape(ports.get(name))
                      .getOrDefault("healthwatch_enricher_records_in", 0.0)
                  > 0,
              name + " enriched nothing; logs in " + pipeline.logs());
        }
        for (String name : List.of("indexer-1", "indexer-2")) {
          assertTrue(
              MetricsScraper.scrape(ports.get(name))
                      .getOrDefault("healthwatch_indexer_records_consumed", 0.0)
                  > 0,
              name + " indexed nothing; logs in " + pipeline.logs());
        }
        assertEquals(
            2,
            members(
                endpoints.kafkaBootstrap(),
                io.healthwatch.contracts.topic.Namespace.of(ns).group("healthwatch-indexer")),
            "the indexer group has both instances");

        // 2. One of each killed: the others take their partitions over.
        for (String name : List.of("crawler-2", "enricher-2", "indexer-2")) {
          pipeline.kill(name);
        }
        publish(sites, articles.subList(SITES, 2 * SITES));
        SearchableArticles.await(
            client, ns, 2 * SITES, pipeline, "crawler-2", "enricher-2", "indexer-2");

        // 3. Started again: the enricher restores its state from the changelogs, the group
        // hands partitions back, and nothing is indexed twice.
        for (String name : List.of("enricher-2", "indexer-2", "crawler-2")) {
          pipeline.restart(name);
        }
        publish(sites, articles.subList(2 * SITES, 3 * SITES));
        SearchableArticles.await(client, ns, 3 * SITES, pipeline);
        pipeline.requireAlive();
        client.indices().refresh(r -> r.index(Indices.ARTICLES.alias(ns)));
        var titles = new HashSet<String>();
        for (var hit :
            client
                .search(
                    s -> s.index(Indices.ARTICLES.alias(ns)).size(100),
                    com.fasterxml.jackson.databind.JsonNode.class)
                .hits()
                .hits()) {
          assertTrue(titles.add(hit.source().path("title").asText()), "twice: " + hit.id());
        }
        var expected = new HashSet<String>();
        articles.forEach(a -> expected.add(a.title()));
        assertEquals(expected, titles, "every article published, and only those");
      }
    } finally {
      sites.forEach(LiveSite::close);
    }
    assertEquals(
        List.of(),
        TopicReader.readAll(
            new KafkaSettings(endpoints.kafkaBootstrap(), PARTITIONS, (short) 1, Map.of()),
            Topics.DEAD_LETTER.name(ns),
            Topics.DEAD_LETTER,
            Duration.ofSeconds(3)),
        "a killed instance is not a reason to dead-letter");
  }

  /**
   * Instance n of a module: six partitions, its own ops port, and a 10 s session timeout so that
   * the group notices a killed member in 10 s rather than the clients' default 45.
   */
  private static Service instance(
      String module,
      int n,
      String ns,
      String kafka,
      Map<String, Integer> ports,
      Map<String, Object> own)
      throws IOException {
    String name = module + "-" + n;
    int port = LoopbackPort.free();
    ports.put(name, port);
    var config = LocalPipeline.config(ns, kafka, port, own);
    config.put(
        "kafka",
        Map.of(
            "bootstrapServers",
            kafka,
            "partitions",
            PARTITIONS,
            "properties",
            Map.of("session.timeout.ms", "10000", "heartbeat.interval.ms", "1000")));
    return Service.of(module, config).named(name);
  }

  private static void publish(List<LiveSite> sites, List<DemoCorpus.Article> articles) {
    for (int i = 0; i < articles.size(); i++) {
      sites.get(i % sites.size()).publish(articles.get(i));
    }
  }

  private static int members(String bootstrap, String group) throws Exception {
    try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
    }
  }
}
