package io.healthwatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.calendar.ChinaTime;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.devstack.process.LocalPipeline;
import io.healthwatch.devstack.reset.NamespaceReset;
import io.healthwatch.devstack.services.LocalServices;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.LiveArticles;
import io.healthwatch.devstack.sites.LiveSite;
import io.healthwatch.indexer.OpenSearchClients;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;

/**
 * {@code scripts/bench latency}: how long an article takes from a news site to search. A live site
 * on 127.0.0.1 publishes articles one by one into its RSS feed; the three services run as separate
 * processes with their default settings (the crawler re-reads its source every second) against the
 * local broker and node; the benchmark searches the index every 50 ms and records when each article
 * became searchable. Figures: from the moment the crawler fetched the page (the target: p95 under 5
 * s) and from the moment the feed listed it (adds the feed's re-read interval).
 */
final class LatencyBench {
  private static final ZoneId CHINA = ChinaTime.ZONE;

  private LatencyBench() {}

  /** A measured article: when listed, first fetched by the crawler, and searchable. */
  private record Timing(String id, Instant listed, Instant served, Instant searchable) {}

  static void run(Path home, int count, Duration spacing, PrintStream out) throws Exception {
    var services = LocalServices.fromEnvironment(home);
    services.startAll();
    var config = services.config();
    String ns = "latency-" + UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createTempDirectory("healthwatch-latency");
    List<DemoCorpus.Article> articles = LiveArticles.distinct(count + 1);
    var outlet = DemoCorpus.load().outlets().get(1);
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(config.openSearchUrl(), "", ""));
    try (var site = LiveSite.start(outlet);
        var pipeline =
            LocalPipeline.start(
                home,
                work,
                ns,
                config.kafkaBootstrap(),
                config.openSearchUrl(),
                outlet.name(),
                site.feedUrl())) {
      out.printf(
          "namespace %s; services' logs in %s; site %s%n", ns, pipeline.logs(), site.feedUrl());

      // The first article warms the pipeline (group joins, JIT, first index refresh): not counted.
      out.println("warming up: one article through the whole pipeline...");
      site.publish(articles.get(0));
      Instant warmStart = Instant.now();
      await(client, ns, List.of(articles.get(0)), Duration.ofMinutes(3), pipeline);
      out.printf(
          "warm-up article searchable after %.1f s%n",
          Duration.between(warmStart, Instant.now()).toMillis() / 1000.0);

      var pending = new LinkedHashMap<String, DemoCorpus.Article>();
      var searchable = new LinkedHashMap<String, Instant>();
      long next = System.nanoTime();
      int published = 0;
      List<DemoCorpus.Article> measured = articles.subList(1, articles.size());
      long deadline = Long.MAX_VALUE;
      while (searchable.size() < measured.size() && System.nanoTime() < deadline) {
        if (published < measured.size() && System.nanoTime() >= next) {
          var article = measured.get(published++);
          site.publish(article);
          pending.put(article.title(), article);
          next += spacing.toNanos();
          if (published == measured.size()) {
            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
          }
        }
        if (!pending.isEmpty()) {
          Instant now = Instant.now();
          for (String title : searchableTitles(client, ns, pending.keySet())) {
            searchable.put(pending.remove(title).id(), now);
          }
        }
        pipeline.requireAlive();
        Thread.sleep(50);
      }
      var timings = new ArrayList<Timing>();
      for (var article : measured) {
        Instant found = searchable.get(article.id());
        if (found != null) {
          timings.add(
              new Timing(
                  article.id(),
                  site.listedAt(article.id()).orElseThrow(),
                  site.firstServed(article.id()).orElse(null),
                  found));
        }
      }
      report(timings, measured.size(), spacing, out);
    } finally {
      new NamespaceReset(new KafkaSettings(config.kafkaBootstrap(), 1, (short) 1, Map.of()), client)
          .reset(ns, work.resolve("enricher-state"));
      client._transport().close();
    }
  }

  private static void report(
      List<Timing> timings, int published, Duration spacing, PrintStream out) {
    double[] fromFetch =
        timings.stream()
            .filter(t -> t.served() != null)
            .mapToDouble(t -> Duration.between(t.served(), t.searchable()).toMillis() / 1000.0)
            .sorted()
            .toArray();
    double[] fromListing =
        timings.stream()
            .mapToDouble(t -> Duration.between(t.listed(), t.searchable()).toMillis() / 1000.0)
            .sorted()
            .toArray();
    out.printf(
        "%d articles published %.1f s apart; %d searchable, %d not within 60 s of the last%n",
        published, spacing.toMillis() / 1000.0, timings.size(), published - timings.size());
    out.println("latency (s)                          p50     p95     max");
    out.printf(
        "page fetched by the crawler -> found  %5.2f   %5.2f   %5.2f   (target: p95 < 5 s)%n",
        percentile(fromFetch, 50), percentile(fromFetch, 95), percentile(fromFetch, 100));
    out.printf(
        "listed in the feed -> found           %5.2f   %5.2f   %5.2f   (adds the feed re-read, 1 s)%n",
        percentile(fromListing, 50), percentile(fromListing, 95), percentile(fromListing, 100));
    out.println(
        "where the time goes by design: the indexer's bulk flush (bulk.flushMillis 1000), the"
            + " node's refresh (1 s), the enricher's exactly-once commit (100 ms)");
  }

  static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  private static void await(
      OpenSearchClient client,
      String ns,
      List<DemoCorpus.Article> articles,
      Duration timeout,
      LocalPipeline pipeline)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    var titles = articles.stream().map(DemoCorpus.Article::title).toList();
    while (searchableTitles(client, ns, titles).size() < titles.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the warm-up article was not searchable after " + timeout + "; see the services' logs");
      }
      pipeline.requireAlive();
      Thread.sleep(200);
    }
  }

  private static List<String> searchableTitles(
      OpenSearchClient client, String ns, java.util.Collection<String> titles) throws IOException {
    try {
      var response =
          client.search(
              s ->
                  s.index(Indices.ARTICLES.alias(ns))
                      .size(titles.size())
                      .source(src -> src.filter(f -> f.includes("title")))
                      .query(
                          q ->
                              q.terms(
                                  t ->
                                      t.field("title.keyword")
                                          .terms(
                                              v ->
                                                  v.value(
                                                      titles.stream()
                                                          .map(FieldValue::of)
                                                          .toList())))),
              JsonNode.class);
      return response.hits().hits().stream().map(h -> h.source().path("title").asText()).toList();
    } catch (org.opensearch.client.opensearch._types.OpenSearchException e) {
      if ("index_not_found_exception".equals(e.error().type())) {
        return List.of(); // the indexer has not created its index yet
      }
      throw e;
    } catch (org.opensearch.client.transport.httpclient5.ResponseException e) {
      if (e.status() == 503) {
        return List.of(); // the index exists, its shard is not started yet
      }
      throw e;
    }
  }
}
