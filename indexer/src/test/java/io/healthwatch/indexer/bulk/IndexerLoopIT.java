package io.healthwatch.indexer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.kafka.DeadLetterPublisher;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.Entity;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.indexer.IndexBootstrap;
import io.healthwatch.indexer.IndexerConfig;
import io.healthwatch.indexer.IndexerMetrics;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.testkit.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/** The indexer against a real broker and a real OpenSearch node. */
class IndexerLoopIT {
  /** A fresh namespace with its topics and indices on the test broker and node. */
  private record Setup(String ns, KafkaSettings kafka, OpenSearchClient client) {
    static Setup fresh(String prefix) throws Exception {
      var endpoints = Infrastructure.get();
      String ns = Infrastructure.namespace(prefix);
      var kafka = new KafkaSettings(endpoints.kafkaBootstrap(), 3, (short) 1, Map.of());
      TopicProvisioner.ensure(
          kafka, ns, List.of(Topics.TAGGED, Topics.CRAWL_STATUS, Topics.DEAD_LETTER));
      OpenSearchClient client =
          OpenSearchClients.create(new OpenSearchSettings(endpoints.openSearchUrl(), "", ""));
      IndexBootstrap.ensure(client, ns, 0);
      return new Setup(ns, kafka, client);
    }
  }

  private static TaggedArticle example() throws Exception {
    try (InputStream in =
        IndexerLoopIT.class.getResourceAsStream("/examples/tagged-article.v1.json")) {
      return Json.mapper().readValue(in, TaggedArticle.class);
    }
  }

  /** A copy of the example under another URL (hence id), at a given revision. */
  private static TaggedArticle variant(
      TaggedArticle base, String suffix, int revision, List<Entity> entities) {
    var a = base.article();
    String url = a.canonicalUrl() + suffix;
    String id = io.healthwatch.contracts.message.ArticleIds.forCanonicalUrl(url);
    var article =
        new io.healthwatch.contracts.message.DiscoveredArticle(
            1,
            id,
            url,
            a.fetchedUrl(),
            a.sourceId(),
            a.sourceName(),
            a.title() + suffix,
            a.publishedAt(),
            a.author(),
            a.body(),
            a.fetchedAt());
    return new TaggedArticle(
        1,
        id,
        revision,
        base.status(),
        article,
        base.window(),
        entities,
        base.topics(),
        base.relevance(),
        base.relevant(),
        base.dedup(),
        base.reprints());
  }

  @Test
  void batchesAreIndexedIdempotentlyAndRefusedDocumentsAreDeadLettered() throws Exception {
    var setup = Setup.fresh("indexer-it");
    String ns = setup.ns();
    var kafka = setup.kafka();
    OpenSearchClient client = setup.client();

    var base = example();
    var a = variant(base, "?a", 1, base.entities());
    var b = variant(base, "?b", 1, base.entities());
    var c = variant(base, "?c", 1, base.entities());
    // A keyword over Lucene's 32766-byte term limit: OpenSearch refuses the document (HTTP 400).
    var immense =
        variant(
            base,
            "?immense",
            1,
            List.of(
                new Entity("PERSON", "名".repeat(12_000), "名".repeat(12_000), "body", 0, 12_000)));
    try (var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "it"))) {
      for (var t : List.of(a, b, immense, c)) {
        producer
            .send(
                new ProducerRecord<>(
                    Topics.TAGGED.name(ns), t.id(), Topics.TAGGED.valueSerde().toBytes(t)))
            .get();
      }
      producer
          .send(
              new ProducerRecord<>(Topics.TAGGED.name(ns), "junk", new byte[] {(byte) 0xff, 0x00}))
          .get();
    }

    runUntilCaughtUp(kafka, client, ns, "group-1", 5);
    assertEquals(3, count(client, ns));
    List<DeadLetter> letters = readDeadLetters(kafka, ns, 2);
    assertEquals(
        List.of(ReasonCode.DESERIALIZATION_FAILED, ReasonCode.INDEX_REJECTED),
        letters.stream().map(DeadLetter::reason).sorted().toList());
    var rejected =
        letters.stream()
            .filter(l -> l.reason() == ReasonCode.INDEX_REJECTED)
            .findFirst()
            .orElseThrow();
    assertTrue(rejected.message().contains("HTTP 400"), rejected.message());
    assertEquals(immense.id(), rejected.key());
    var junk =
        letters.stream()
            .filter(l -> l.reason() == ReasonCode.DESERIALIZATION_FAILED)
            .findFirst()
            .orElseThrow();
    assertEquals("base64:/wA=", junk.payload(), "binary payload kept whole");

    // A replay by another group overwrites: still three documents.
    runUntilCaughtUp(kafka, client, ns, "group-2", 5);
    assertEquals(3, count(client, ns));

    // An update replaces; a stale revision arriving later does not.
    try (var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "it"))) {
      var update = a.withRevision(2);
      producer
          .send(
              new ProducerRecord<>(
                  Topics.TAGGED.name(ns), a.id(), Topics.TAGGED.valueSerde().toBytes(update)))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  Topics.TAGGED.name(ns), a.id(), Topics.TAGGED.valueSerde().toBytes(a)))
          .get();
    }
    runUntilCaughtUp(kafka, client, ns, "group-1", 2);
    var doc =
        client.get(g -> g.index(Indices.ARTICLES.alias(ns)).id(a.id()), ArticleDocument.class);
    assertEquals(2, doc.source().revision());
  }

  @Test
  void crawlStatesAreIndexedByUrlAndAnOlderStateNeverReplacesANewerOne() throws Exception {
    var setup = Setup.fresh("status-it");
    String ns = setup.ns();
    var t0 = java.time.Instant.parse("2024-05-14T02:00:00Z");
    var url = "http://health.people.com.cn/n1/2024/0514/c14739-40235681.html";
    var discovered =
        CrawlState.discovered(
            FrontierUrl.link(url, "people", FrontierUrl.Role.ARTICLE, null, null, null, t0), t0, 1);
    var failing =
        discovered.toBuilder()
            .status(CrawlState.Status.FETCH_ERROR)
            .errorCount(1)
            .httpStatus(503)
            .problem(ReasonCode.HTTP_STATUS, "HTTP 503")
            .lastFetched(t0)
            .nextFetch(t0.plusSeconds(300))
            .build(2);
    try (var producer =
        new KafkaProducer<String, byte[]>(KafkaClients.producer(setup.kafka(), "it"))) {
      for (var state : List.of(failing, discovered)) { // the newer first: a replay's order
        producer
            .send(
                new ProducerRecord<>(
                    Topics.CRAWL_STATUS.name(ns),
                    url,
                    Topics.CRAWL_STATUS.valueSerde().toBytes(state)))
            .get();
      }
    }
    runUntilCaughtUp(setup.kafka(), setup.client(), ns, "group-status", 2);
    var doc =
        setup
            .client()
            .get(
                g ->
                    g.index(Indices.CRAWL_STATUS.alias(ns))
                        .id(io.healthwatch.contracts.message.ArticleIds.forCanonicalUrl(url)),
                CrawlStatusDocument.class)
            .source();
    assertEquals("FETCH_ERROR", doc.status());
    assertEquals("health.people.com.cn", doc.host());
    assertEquals(503, doc.httpStatus());
    assertEquals("HTTP_STATUS", doc.reason());
    assertEquals(t0.plusSeconds(300), doc.nextFetch());
    var failed =
        setup
            .client()
            .count(
                r ->
                    r.index(Indices.CRAWL_STATUS.alias(ns))
                        .query(
                            q ->
                                q.bool(
                                    b ->
                                        b.filter(
                                                f ->
                                                    f.term(
                                                        t ->
                                                            t.field("sourceId")
                                                                .value(
                                                                    v -> v.stringValue("people"))))
                                            .filter(
                                                f ->
                                                    f.term(
                                                        t ->
                                                            t.field("status")
                                                                .value(
                                                                    v ->
                                                                        v.stringValue(
                                                                            "FETCH_ERROR")))))))
            .count();
    assertEquals(1, failed, "which URLs of 人民网 are failing: asked of the index");
  }

  @Test
  void anOutageAndThrottlingLoseNothingWhileTheConsumerWaitsWithOnePoll() throws Exception {
    var setup = Setup.fresh("outage-it");
    String ns = setup.ns();
    var kafka = setup.kafka();
    OpenSearchClient direct = setup.client();
    var endpoints = Infrastructure.get();
    var base = example();
    int articles = 300;
    try (var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "it"))) {
      for (int i = 0; i < articles; i++) {
        var t = variant(base, "?n=" + i, 1, base.entities());
        producer.send(
            new ProducerRecord<>(
                Topics.TAGGED.name(ns), t.id(), Topics.TAGGED.valueSerde().toBytes(t)));
      }
      producer.flush();
    }
    var bulk =
        bulk(
            Map.of(
                "bulk.maxDocs", "50",
                "bulk.flushMillis", "100",
                "bulk.retryBaseMillis", "50",
                "bulk.retryMaxMillis", "400"));
    var registry = new SimpleMeterRegistry();
    var metrics = new IndexerMetrics(registry);
    String group = ns + ".indexer";
    try (var proxy = io.healthwatch.testkit.FaultyHttpProxy.start(endpoints.openSearchUrl());
        var consumer =
            new KafkaConsumer<String, byte[]>(KafkaClients.consumer(kafka, group, "it"));
        var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "it-dlq"));
        var admin = org.apache.kafka.clients.admin.Admin.create(KafkaClients.common(kafka, "it"))) {
      proxy.down();
      var loop =
          new IndexerLoop(
              consumer,
              new BulkWriter(
                  OpenSearchClients.create(new OpenSearchSettings(proxy.url(), "", "")),
                  50,
                  400,
                  metrics),
              new DeadLetterPublisher(producer, ns),
              bulk,
              metrics,
              ns);
      consumer.subscribe(List.of(Topics.TAGGED.name(ns)));
      var thread = new Thread(loop, "outage-it-indexer");
      thread.start();
      try {
        long deadline = System.currentTimeMillis() + 30_000;
        while (registry.get("healthwatch_indexer_bulk_retries").counter().count() < 5
            && System.currentTimeMillis() < deadline) {
          Thread.sleep(100);
        }
        double consumedWhileDown =
            registry.get("healthwatch_indexer_records_consumed").counter().count();
        assertTrue(
            registry.get("healthwatch_indexer_bulk_retries").counter().count() >= 5,
            "the writer keeps retrying while the node is down");
        assertTrue(
            consumedWhileDown > 0 && consumedWhileDown <= 500,
            "paused after one poll (max.poll.records 500), not reading on: " + consumedWhileDown);
        assertEquals(0, count(direct, ns), "nothing reached the node");
        assertTrue(
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .values()
                .stream()
                .allMatch(o -> o == null || o.offset() == 0),
            "no offset committed for unacknowledged documents");

        // A broken proxy's malformed answers are waited out like the outage.
        proxy.garble();
        double retries = registry.get("healthwatch_indexer_bulk_retries").counter().count();
        deadline = System.currentTimeMillis() + 30_000;
        while (registry.get("healthwatch_indexer_bulk_retries").counter().count() < retries + 3
            && System.currentTimeMillis() < deadline) {
          Thread.sleep(100);
        }
        assertTrue(thread.isAlive(), "the indexer survives malformed answers");
        proxy.throttleBulk(3);
        deadline = System.currentTimeMillis() + 60_000;
        while (count(direct, ns) < articles && System.currentTimeMillis() < deadline) {
          direct.indices().refresh(r -> r.index(Indices.ARTICLES.alias(ns)));
          Thread.sleep(200);
        }
      } finally {
        loop.stop();
        thread.join(10_000);
      }
      assertEquals(articles, count(direct, ns), "every article indexed after the outage");
      assertTrue(
          proxy.refused() >= 11, "503s, malformed answers and 429s were given: " + proxy.refused());
      long committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get()
              .values()
              .stream()
              .mapToLong(o -> o.offset())
              .sum();
      assertEquals(articles, committed, "offsets committed once acknowledged");
    }
    assertEquals(
        List.of(),
        TopicReader.readAll(
            kafka, Topics.DEAD_LETTER.name(ns), Topics.DEAD_LETTER, Duration.ofSeconds(3)),
        "an outage is not a reason to dead-letter");
  }

  private static void runUntilCaughtUp(
      KafkaSettings kafka, OpenSearchClient client, String ns, String group, int expectedRecords)
      throws Exception {
    var bulk =
        bulk(
            Map.of(
                "bulk.maxDocs", "2",
                "bulk.flushMillis", "100",
                "bulk.retryBaseMillis", "50",
                "bulk.retryMaxMillis", "1000"));
    var metrics = new SimpleMeterRegistry();
    try (var consumer =
            new KafkaConsumer<String, byte[]>(KafkaClients.consumer(kafka, ns + group, "it"));
        var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "it-dlq"))) {
      var loop =
          new IndexerLoop(
              consumer,
              new BulkWriter(client, 50, 1000, new IndexerMetrics(metrics)),
              new DeadLetterPublisher(producer, ns),
              bulk,
              new IndexerMetrics(metrics),
              ns);
      consumer.subscribe(List.of(Topics.TAGGED.name(ns), Topics.CRAWL_STATUS.name(ns)));
      var thread = new Thread(loop);
      thread.start();
      long deadline = System.currentTimeMillis() + 30_000;
      while (metrics.get("healthwatch_indexer_records_consumed").counter().count() < expectedRecords
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(500);
      loop.stop();
      thread.join(10_000);
    }
    client.indices().refresh(r -> r.index(Indices.ARTICLES.alias(ns)));
    client.indices().refresh(r -> r.index(Indices.CRAWL_STATUS.alias(ns)));
  }

  private static long count(OpenSearchClient client, String ns) throws Exception {
    return client.count(r -> r.index(Indices.ARTICLES.alias(ns))).count();
  }

  private static List<DeadLetter> readDeadLetters(KafkaSettings kafka, String ns, int expected) {
    var letters =
        TopicReader.readAll(
            kafka, Topics.DEAD_LETTER.name(ns), Topics.DEAD_LETTER, Duration.ofSeconds(15));
    assertEquals(expected, letters.size(), "dead letters: " + letters);
    return letters;
  }

  /** The shipped bulk settings with some keys set, as a config file or --set would. */
  private static IndexerConfig.Bulk bulk(Map<String, String> keys) {
    return IndexerConfig.load(null, Map.of(), keys).bulk();
  }
}
