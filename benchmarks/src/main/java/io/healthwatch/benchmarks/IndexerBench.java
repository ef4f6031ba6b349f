package io.healthwatch.benchmarks;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.DeadLetterPublisher;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.IssueWindow;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.dedup.SimHash;
import io.healthwatch.enricher.tag.ArticleTagger;
import io.healthwatch.enricher.tag.Lexicon;
import io.healthwatch.indexer.ChineseAnalyzer;
import io.healthwatch.indexer.IndexBootstrap;
import io.healthwatch.indexer.IndexerConfig;
import io.healthwatch.indexer.IndexerMetrics;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.indexer.bulk.ArticleDocument;
import io.healthwatch.indexer.bulk.BulkWriter;
import io.healthwatch.indexer.bulk.IndexerLoop;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * The indexer's rate into the local node next to the floor's: the same documents sent as plain
 * {@code _bulk} requests of the same size, one after another, on one connection. The indexer reads
 * them from Kafka, converts, batches, writes with its error policy and commits offsets after each
 * acknowledged batch; the figure is how much of the plain rate that bookkeeping leaves.
 */
final class IndexerBench {
  private static final int ROUNDS = 3;

  private IndexerBench() {}

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  static void run(List<DiscoveredArticle> articles, List<String> only, PrintStream out)
      throws Exception {
    var defaults = IndexerConfig.load(null, Map.of(), Map.of());
    String bootstrap = defaults.kafka().bootstrapServers();
    OpenSearchClient client = OpenSearchClients.create(defaults.opensearch());
    try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.describeCluster().clusterId().get(5, java.util.concurrent.TimeUnit.SECONDS);
      client.info();
    } catch (Exception e) {
      out.println(
          "skipped: needs Kafka at "
              + bootstrap
              + " and OpenSearch at "
              + defaults.opensearch().url()
              + " (./healthwatch services start)");
      return;
    }
    List<TaggedArticle> tagged = tag(articles);
    List<ArticleDocument> documents =
        tagged.stream().map(t -> ArticleDocument.of(t, Instant.now())).toList();
    String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    var kafka = new KafkaSettings(bootstrap, 3, (short) 1, Map.of());
    try {
      out.printf(
          "%d documents (%.1f KB of JSON on average), bulk requests of %d%n",
          documents.size(),
          tagged.stream()
                  .mapToInt(t -> Topics.TAGGED.valueSerde().toBytes(t).length)
                  .average()
                  .orElse(0)
              / 1024,
          defaults.bulk().maxDocs());
      var analyses =
          ChineseAnalyzer.available(client) == ChineseAnalyzer.SMARTCN
              ? List.of("smartcn", "cjk")
              : List.of("cjk");
      if (!only.isEmpty()) {
        analyses = only;
      }
      for (String analysis : analyses) {
        // Rounds taking turns; the first warms the JVM and the node, the median of the rest
        // counts (one round on this shared machine swings by 20%).
        var plains = new ArrayList<Double>();
        var indexers = new ArrayList<Double>();
        for (int round = 0; round <= ROUNDS; round++) {
          String name = run + "-" + analysis + round;
          // Turns alternate, and each run's indices go before the next starts: otherwise the
          // node still merging the previous run's segments slows whichever comes second.
          double plainRate = 0;
          double indexerRate = 0;
          for (int turn = 0; turn < 2; turn++) {
            if ((turn + round) % 2 == 0) {
              plainRate =
                  plainBulk(
                      client, name + "-plain", documents, defaults.bulk().maxDocs(), analysis);
              cleanUp(client, kafka, name + "-plain");
            } else {
              indexerRate =
                  throughIndexer(
                      client, kafka, name + "-indexer", tagged, defaults.bulk(), analysis);
              cleanUp(client, kafka, name + "-indexer");
            }
          }
          if (round > 0) {
            plains.add(plainRate);
            indexers.add(indexerRate);
          }
        }
        double plain = median(plains);
        double indexer = median(indexers);
        out.printf(
            "Chinese analysis %s (median of %d rounds after a warm-up):%n", analysis, ROUNDS);
        out.printf("  plain _bulk requests:         %8.0f documents/s%n", plain);
        out.printf(
            "  indexer (Kafka -> OpenSearch): %8.0f documents/s = %.2f of plain _bulk%n",
            indexer, indexer / plain);
      }
    } finally {
      cleanUp(client, kafka, run);
    }
  }

  /** Realistic tagged articles: the lexicon's entities and topics, fingerprints, one window. */
  private static List<TaggedArticle> tag(List<DiscoveredArticle> articles) {
    var tagger = new ArticleTagger(Lexicon.load(null), 0);
    var window =
        new IssueWindow(
            "2024-05-11/2024-05-17", LocalDate.of(2024, 5, 11), LocalDate.of(2024, 5, 17));
    var tagged = new ArrayList<TaggedArticle>(articles.size());
    for (var article : articles) {
      var tags = tagger.tag(article.title(), article.body());
      tagged.add(
          new TaggedArticle(
              TaggedArticle.SCHEMA_VERSION,
              article.id(),
              1,
              ArticleStatus.PRIMARY,
              article,
              window,
              tags.entities(),
              tags.topics(),
              tags.relevance(),
              tags.relevance() >= 0.5,
              new io.healthwatch.contracts.message.Dedup(
                  io.healthwatch.contracts.message.ArticleIds.sha256Hex(article.body()),
                  SimHash.of(article.body()).toHex(),
                  null,
                  null),
              List.of()));
    }
    return tagged;
  }

  private static double plainBulk(
      OpenSearchClient client,
      String ns,
      List<ArticleDocument> documents,
      int batch,
      String analysis)
      throws Exception {
    IndexBootstrap.ensure(client, ns, 0, analysis);
    String alias = Indices.ARTICLES.alias(ns);
    long started = System.nanoTime();
    for (int from = 0; from < documents.size(); from += batch) {
      var operations = new ArrayList<BulkOperation>();
      for (var document : documents.subList(from, Math.min(documents.size(), from + batch))) {
        operations.add(
            BulkOperation.of(
                o -> o.index(i -> i.index(alias).id(document.id()).document(document))));
      }
      var response = client.bulk(BulkRequest.of(b -> b.operations(operations)));
      if (response.errors()) {
        throw new IllegalStateException("plain _bulk had errors");
      }
    }
    double rate = documents.size() / ((System.nanoTime() - started) / 1e9);
    System.out.printf("    %s: %.0f documents/s%n", ns, rate);
    return rate;
  }

  private static double throughIndexer(
      OpenSearchClient client,
      KafkaSettings kafka,
      String ns,
      List<TaggedArticle> tagged,
      IndexerConfig.Bulk bulk,
      String analysis)
      throws Exception {
    IndexBootstrap.ensure(client, ns, 0, analysis);
    TopicProvisioner.ensure(kafka, ns, List.of(Topics.TAGGED, Topics.DEAD_LETTER));
    try (var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "bench"))) {
      BenchInput.sendAll(
          producer,
          tagged.stream()
              .map(
                  article ->
                      new ProducerRecord<>(
                          Topics.TAGGED.name(ns),
                          article.id(),
                          Topics.TAGGED.valueSerde().toBytes(article)))
              .toList());
      var registry = new SimpleMeterRegistry();
      var metrics = new IndexerMetrics(registry);
      try (var consumer =
          new KafkaConsumer<String, byte[]>(
              KafkaClients.consumer(kafka, ns + "-indexer", "bench"))) {
        var loop =
            new IndexerLoop(
                consumer,
                new BulkWriter(client, bulk.retryBaseMillis(), bulk.retryMaxMillis(), metrics),
                new DeadLetterPublisher(producer, ns),
                bulk,
                metrics,
                ns);
        consumer.subscribe(List.of(Topics.TAGGED.name(ns)));
        var thread = new Thread(loop, "bench-indexer");
        thread.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        // The clock starts at the first record: joining the consumer group happens once per
        // process, and the figure is the rate the indexer sustains.
        while (registry.get("healthwatch_indexer_records_consumed").counter().count() == 0
            && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        long started = System.nanoTime();
        while (registry.get("healthwatch_indexer_documents_indexed").counter().count()
                < tagged.size()
            && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = tagged.size() / seconds;
        var bulks = registry.get("healthwatch_indexer_bulk_request").timer();
        System.out.printf(
            "    %s: %.0f documents/s, %d bulk requests taking %.0f%% of the time%n",
            ns,
            rate,
            bulks.count(),
            100 * bulks.totalTime(java.util.concurrent.TimeUnit.SECONDS) / seconds);
        loop.stop();
        thread.join(10_000);
        return rate;
      }
    }
  }

  private static void cleanUp(OpenSearchClient client, KafkaSettings kafka, String run) {
    try {
      client.indices().delete(d -> d.index(run + "*"));
    } catch (Exception e) {
      System.err.println("could not delete the benchmark's indices " + run + "*: " + e);
    }
    try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      var names = admin.listTopics().names().get().stream().filter(n -> n.startsWith(run)).toList();
      admin.deleteTopics(names).all().get();
    } catch (Exception e) {
      System.err.println("could not delete the benchmark's topics " + run + "*: " + e);
    }
  }
}
