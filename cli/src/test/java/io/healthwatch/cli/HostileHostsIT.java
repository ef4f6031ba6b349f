package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.cli.ops.LoopbackPort;
import io.healthwatch.cli.ops.MetricsScraper;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.devstack.process.LocalPipeline;
import io.healthwatch.devstack.process.LocalPipeline.Service;
import io.healthwatch.devstack.process.SourcesRegistry;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.LiveArticles;
import io.healthwatch.devstack.sites.LiveSite;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.testkit.HostileHost;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The pipeline (three processes) reading a good site next to a host that hangs, resets, drips,
 * serves garbage and a gzip bomb, as pages and as feeds: the good site's articles are indexed
 * exactly once, the hostile host's failures are counted by reason, no service falls over (the
 * crawler's heap is the tests' 384 MB against a 256 MB bomb), and each service, stopped with
 * SIGTERM while requests hang, drains and exits within a bounded time.
 */
class HostileHostsIT {
  private static final int GOOD = 8;
  private static final long DRAIN_SECONDS = 20;
  @TempDir Path work;

  @Test
  void hostileHostsCostNothingButTheirOwnPagesAndSigtermDrainsInTime() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("hostile-it");
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(endpoints.openSearchUrl(), "", ""));
    var articles = LiveArticles.distinct(GOOD);
    try (var site = LiveSite.start(DemoCorpus.load().outlets().get(0));
        var hostile = HostileHost.start()) {
      var sources = new ArrayList<Map<String, Object>>();
      sources.add(SourcesRegistry.rss("good", "好网站", site.feedUrl()));
      sources.add(SourcesRegistry.rss("hostile", "坏网站", hostile.baseUrl() + "/rss.xml"));
      for (String behaviour : HostileHost.BEHAVIOURS) {
        sources.add(
            SourcesRegistry.rss(
                "hostile-" + behaviour, "坏网站", hostile.baseUrl() + "/" + behaviour + ".xml"));
      }
      Path registry = SourcesRegistry.write(work.resolve("sources.yml"), sources);
      int crawlerPort = LoopbackPort.free();
      String kafka = endpoints.kafkaBootstrap();
      var services =
          List.of(
              Service.of(
                  "enricher",
                  LocalPipeline.config(
                      ns, kafka, -1, Map.of("stateDir", work.resolve("state").toString()))),
              Service.of(
                  "indexer",
                  LocalPipeline.config(
                      ns,
                      kafka,
                      -1,
                      Map.of(
                          "opensearch",
                          Map.of("url", endpoints.openSearchUrl()),
                          "indexReplicas",
                          0))),
              Service.of(
                  "crawler",
                  LocalPipeline.config(
                      ns,
                      kafka,
                      crawlerPort,
                      Map.of(
                          "sources",
                          registry.toString(),
                          "recheckEvery",
                          "PT2S",
                          "fetch",
                          Map.of(
                              "perHostDelayMillis", 200,
                              "readTimeoutMillis", 2000,
                              "maxDurationMillis", 4000,
                              "retries", 1)))));
      try (var pipeline = LocalPipeline.start(Infrastructure.projectRoot(), work, services)) {
        articles.forEach(site::publish);
        Map<String, Double> fetches = Map.of();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long found = 0;
        while (System.nanoTime() < deadline) {
          pipeline.requireAlive();
          fetches = MetricsScraper.scrape(crawlerPort);
          found = count(client, ns);
          if (found >= GOOD
              && fetches.getOrDefault("healthwatch_crawler_fetch|fetch_failed", 0.0) >= 6
              && fetches.getOrDefault("healthwatch_crawler_fetch|too_large", 0.0) >= 2
              && hostile.requests("/a/garbage.html") > 0
              && hostile.requests("/garbage.xml") > 0) {
            break;
          }
          Thread.sleep(500);
        }
        System.out.printf(
            "hostile host: asked %s; crawler outcomes %s; %d articles indexed%n",
            HostileHost.BEHAVIOURS.stream()
                .map(
                    b ->
                        b
                            + " feed "
                            + hostile.requests("/" + b + ".xml")
                            + " page "
                            + hostile.requests("/a/" + b + ".html"))
                .toList(),
            fetches.entrySet().stream()
                .filter(e -> e.getKey().startsWith("healthwatch_crawler_fetch|"))
                .toList(),
            found);
        assertEquals(
            GOOD, found, "the good site's articles, once each; logs in " + pipeline.logs());
        assertTrue(
            fetches.getOrDefault("healthwatch_crawler_fetch|fetch_failed", 0.0) >= 6,
            "hang, reset and drip (pages and feeds) are fetch failures: " + fetches);
        assertTrue(
            fetches.getOrDefault("healthwatch_crawler_fetch|too_large", 0.0) >= 2,
            "the gzip bomb (page and feed) is cut off at fetch.maxBytes: " + fetches);
        var titles = new HashSet<String>();
        client
            .search(
                s -> s.index(Indices.ARTICLES.alias(ns)).size(50),
                com.fasterxml.jackson.databind.JsonNode.class)
            .hits()
            .hits()
            .forEach(h -> titles.add(h.source().path("title").asText()));
        var expected = new HashSet<String>();
        articles.forEach(a -> expected.add(a.title()));
        assertEquals(expected, titles, "only the good site's articles");
        pipeline.requireAlive();

        // SIGTERM while the crawler has requests hanging: each service drains and exits.
        for (String name : List.of("crawler", "enricher", "indexer")) {
          var process = pipeline.process(name);
          long started = System.nanoTime();
          process.stop(DRAIN_SECONDS + 10);
          double seconds = (System.nanoTime() - started) / 1e9;
          System.out.printf("%s stopped by SIGTERM in %.1f s%n", name, seconds);
          assertTrue(seconds < DRAIN_SECONDS, name + " took " + seconds + " s to drain");
          assertNotEquals(137, process.exitCode(), name + " had to be killed");
        }
        assertEquals(GOOD, count(client, ns), "nothing lost or doubled by the stops");
      }
    }
  }

  private static long count(OpenSearchClient client, String ns) {
    try {
      client.indices().refresh(r -> r.index(Indices.ARTICLES.alias(ns)));
      return client.count(c -> c.index(Indices.ARTICLES.alias(ns))).count();
    } catch (Exception e) {
      return 0; // the index is not there yet
    }
  }
}
