package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.cli.ops.LoopbackPort;
import io.healthwatch.cli.ops.MetricsScraper;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.devstack.process.LocalPipeline;
import io.healthwatch.devstack.process.LocalPipeline.Service;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.LiveArticles;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.editorial.EditorialMain;
import io.healthwatch.editorial.issue.IssueMaterializer;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The enricher and the indexer, the only instance of each, killed with SIGKILL together while
 * articles stream through them (the enricher inside a transaction, the indexer holding a batch it
 * has not written or committed), then started again: each article is on the tagged topic exactly
 * once (the killed transaction is aborted, its records never read) and in the index exactly once,
 * and the weekly issue is the one a second enricher and indexer, fed the same articles in a
 * namespace of their own and never killed, give.
 */
class KillMidBatchIT {
  @TempDir Path work;

  @Test
  void sigkillMidBatchLosesNothingAndDoublesNothing() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("kill-it");
    String reference = Infrastructure.namespace("kill-ref-it");
    var kafka = new KafkaSettings(endpoints.kafkaBootstrap(), 3, (short) 1, Map.of());
    TopicProvisioner.ensure(kafka, ns, List.of(Topics.DISCOVERED));
    TopicProvisioner.ensure(kafka, reference, List.of(Topics.DISCOVERED));
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(endpoints.openSearchUrl(), "", ""));
    List<DiscoveredArticle> articles =
        LiveArticles.distinct(LiveArticles.available()).stream()
            .map(KillMidBatchIT::discovered)
            .toList();
    int enricherPort = LoopbackPort.free();
    int indexerPort = LoopbackPort.free();
    var services =
        List.of(
            Service.of(
                    "enricher",
                    LocalPipeline.config(
                        reference,
                        endpoints.kafkaBootstrap(),
                        -1,
                        Map.of("stateDir", work.resolve("reference-state").toString())))
                .named("enricher-ref"),
            Service.of(
                    "indexer",
                    LocalPipeline.config(
                        reference,
                        endpoints.kafkaBootstrap(),
                        -1,
                        Map.of(
                            "opensearch",
                            Map.of("url", endpoints.openSearchUrl()),
                            "indexReplicas",
                            0)))
                .named("indexer-ref"),
            Service.of(
                "enricher",
                LocalPipeline.config(
                    ns,
                    endpoints.kafkaBootstrap(),
                    enricherPort,
                    Map.of("stateDir", work.resolve("state").toString()))),
            Service.of(
                "indexer",
                LocalPipeline.config(
                    ns,
                    endpoints.kafkaBootstrap(),
                    indexerPort,
                    Map.of(
                        "opensearch", Map.of("url", endpoints.openSearchUrl()),
                        "indexReplicas", 0,
                        // a batch is held 2 s: the kill finds one unwritten
                        "bulk", Map.of("flushMillis", 2000)))));
    try (var pipeline = LocalPipeline.start(Infrastructure.projectRoot(), work, services);
        var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "kill-it"))) {
      int sent = 0;
      double indexed = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      // Articles trickle in until the indexer has written some and the rest are still coming.
      while (indexed == 0 && sent < articles.size() && System.nanoTime() < deadline) {
        send(producer, reference, articles.get(sent));
        send(producer, ns, articles.get(sent++));
        Thread.sleep(40);
        indexed =
            MetricsScraper.scrape(indexerPort)
                .getOrDefault("healthwatch_indexer_documents_indexed", 0.0);
      }
      assertTrue(indexed > 0, "the indexer wrote nothing; logs in " + pipeline.logs());
      int atKill = sent;
      pipeline.kill("enricher");
      pipeline.kill("indexer");
      System.out.printf(
          "killed enricher and indexer with SIGKILL after %d of %d articles sent, %.0f indexed%n",
          atKill, articles.size(), indexed);
      while (sent < articles.size()) {
        send(producer, reference, articles.get(sent));
        send(producer, ns, articles.get(sent++));
      }
      producer.flush();
      pipeline.restart("enricher");
      pipeline.restart("indexer");
      long found = 0;
      while (System.nanoTime() < deadline) {
        pipeline.requireAlive();
        client.indices().refresh(r -> r.index(Indices.ARTICLES.alias(ns)));
        found = client.count(c -> c.index(Indices.ARTICLES.alias(ns))).count();
        if (found >= articles.size()) {
          break;
        }
        Thread.sleep(500);
      }
      assertEquals(articles.size(), found, "every article indexed; logs in " + pipeline.logs());
      SearchableArticles.await(client, reference, articles.size(), pipeline);
      assertSameIssues(client, reference, ns);
    }
    Map<String, Long> onTopic = TaggedTopic.recordsPerArticle(kafka, ns);
    assertEquals(
        articles.stream().collect(Collectors.toMap(DiscoveredArticle::id, a -> 1L)),
        onTopic,
        "each article once on the tagged topic, whatever the killed transaction held");
  }

  /** Every week's issue selection (titles, sources, links, in order) in both namespaces. */
  private static void assertSameIssues(OpenSearchClient client, String reference, String faulted)
      throws Exception {
    var issues = new java.util.ArrayList<List<List<String>>>();
    for (String ns : List.of(reference, faulted)) {
      var settings = EditorialConfig.load(null, Map.of(), Map.of("namespace", ns));
      EditorialMain.ensureIndices(client, settings);
      var materializer = new IssueMaterializer(client, ns, settings.issues(), settings.calendar());
      var weeks = new java.util.ArrayList<List<String>>();
      var candidates = new io.healthwatch.editorial.issue.IssueCandidates(client, ns);
      for (var week : materializer.windowsWithCandidates()) {
        // The week, the candidates the editors see ranked, then the issue's own selection.
        weeks.add(List.of("week ending " + week, candidates.count(week) + " candidates"));
        for (var article : candidates.ranked(week, 1000)) {
          weeks.add(List.of("candidate", article.id(), String.valueOf(article.relevance())));
        }
        for (var article : materializer.selection(week)) {
          weeks.add(List.of("in the issue", article.title(), article.source(), article.url()));
        }
      }
      issues.add(weeks);
    }
    System.out.printf(
        "weekly issues: %d lines without the kill, %d with it%n",
        issues.get(0).size(), issues.get(1).size());
    assertTrue(issues.get(0).size() > 1, "the reference run has an issue: " + issues.get(0));
    assertEquals(issues.get(0), issues.get(1), "the kills changed no weekly issue");
  }

  private static DiscoveredArticle discovered(DemoCorpus.Article article) {
    return new DiscoveredArticle(
        DiscoveredArticle.SCHEMA_VERSION,
        ArticleIds.forCanonicalUrl(article.link()),
        article.link(),
        article.link(),
        "live",
        "新华网",
        article.title(),
        article.date(),
        null,
        String.join("\n\n", article.paragraphs()),
        Instant.now());
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, String ns, DiscoveredArticle article) {
    producer.send(
        new ProducerRecord<>(
            Topics.DISCOVERED.name(ns),
            article.id(),
            Topics.DISCOVERED.valueSerde().toBytes(article)));
  }
}
