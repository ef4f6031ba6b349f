package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.devstack.process.LocalPipeline;
import io.healthwatch.devstack.services.LocalServices;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.LiveArticles;
import io.healthwatch.devstack.sites.LiveSite;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The whole pipeline (three service processes, a live site) while the broker, then the node, are
 * stopped and started again with articles arriving meanwhile: every article ends up searchable, no
 * service exits, nothing is dead-lettered. It restarts the local services, so it runs only on them
 * (skipped, saying so, with containers).
 */
class PipelineRestartIT {
  @TempDir Path work;

  @Test
  void aBrokerRestartAndANodeRestartLoseNoArticle() throws Exception {
    var endpoints = Infrastructure.get();
    Assumptions.assumeTrue(
        endpoints.kind().equals("local processes"),
        "restarts the local broker and node; skipped with " + endpoints.kind());
    var services = LocalServices.fromEnvironment(Infrastructure.projectRoot());
    String ns = Infrastructure.namespace("restart-it");
    List<DemoCorpus.Article> articles = LiveArticles.distinct(24);
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(endpoints.openSearchUrl(), "", ""));
    var outlet = DemoCorpus.load().outlets().get(1);
    try (var site = LiveSite.start(outlet);
        var pipeline =
            LocalPipeline.start(
                Infrastructure.projectRoot(),
                work,
                ns,
                endpoints.kafkaBootstrap(),
                endpoints.openSearchUrl(),
                outlet.name(),
                site.feedUrl())) {
      articles.subList(0, 8).forEach(site::publish);
      SearchableArticles.await(client, ns, 8, pipeline);

      assertTrue(services.kafka().stop(), "the broker stopped");
      assertFalse(services.kafka().status().running());
      articles.subList(8, 16).forEach(site::publish);
      Thread.sleep(5_000);
      services.kafka().start();
      SearchableArticles.await(client, ns, 16, pipeline);

      assertTrue(services.openSearch().stop(), "the node stopped");
      articles.subList(16, 24).forEach(site::publish);
      Thread.sleep(3_000);
      services.openSearch().start();
      SearchableArticles.await(client, ns, 24, pipeline);
      pipeline.requireAlive();
    } finally {
      services.startAll();
    }
    assertEquals(
        List.of(),
        TopicReader.readAll(
            new KafkaSettings(endpoints.kafkaBootstrap(), 3, (short) 1, Map.of()),
            Topics.DEAD_LETTER.name(ns),
            Topics.DEAD_LETTER,
            Duration.ofSeconds(3)),
        "a restart is not a reason to dead-letter");
  }
}
