package io.healthwatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.devstack.process.ServiceProcess;
import io.healthwatch.devstack.services.LocalServices;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.LiveSite;
import io.healthwatch.indexer.NamespaceReset;
import io.healthwatch.indexer.OpenSearchClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private LatencyBench() {}

  /** A measured article: when listed, first fetched by the crawler, and searchable. */
  private record Timing(String id, Instant listed, Instant served, Instant searchable) {}

  static void run(Path home, int count, Duration spacing, PrintStream out) throws Exception {
    var services = LocalServices.fromEnvironment(home);
    services.startAll();
    var config = services.config();
    String ns = "latency-" + UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createTempDirectory("healthwatch-latency");
    List<DemoCorpus.Article> articles = articles(count + 1);
    var outlet = DemoCorpus.load().outlets().get(1);
    var processes = new ArrayList<ServiceProcess>();
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(config.openSearchUrl(), "", ""));
    try (var site = LiveSite.start(outlet)) {
      Path sources =
          write(
              work.resolve("sources.yml"),
              "sources:\n  - id: live\n    name: "
                  + outlet.name()
                  + "\n    kind: rss\n    entryUrls: [\""
                  + site.feedUrl()
                  + "\"]\n");
      String common =
          "namespace: "
              + ns
              + "\nkafka:\n  bootstrapServers: "
              + config.kafkaBootstrap()
              + "\nops:\n  port: -1\n";
      processes.add(
          start(
              home,
              work,
              "enricher",
              common + "stateDir: " + work.resolve("enricher-state") + "\n"));
      processes.add(
          start(
              home,
              work,
              "indexer",
              common
                  + "opensearch:\n  url: "
                  + config.openSearchUrl()
                  + "\nindexReplicas: 0\npublishing:\n  enabled: false\n"));
      processes.add(
          start(
              home,
              work,
              "crawler",
              common
                  + "sources: "
                  + sources
                  + "\nrecheckEvery: PT1S\nfetch:\n  perHostDelayMillis: 200\n"));
      out.printf(
          "namespace %s; services' logs in %s; site %s%n",
          ns, work.resolve("logs"), site.feedUrl());

      // The first article warms the pipeline (group joins, JIT, first index refresh): not counted.
      out.println("warming up: one article through the whole pipeline...");
      site.publish(articles.get(0));
      Instant warmStart = Instant.now();
      await(client, ns, List.of(articles.get(0)), Duration.ofMinutes(3), processes);
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
        requireAlive(processes);
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
      for (var process : processes) {
        process.stop(30);
      }
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
      List<ServiceProcess> processes)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    var titles = articles.stream().map(DemoCorpus.Article::title).toList();
    while (searchableTitles(client, ns, titles).size() < titles.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the warm-up article was not searchable after " + timeout + "; see the services' logs");
      }
      requireAlive(processes);
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
    }
  }

  private static void requireAlive(List<ServiceProcess> processes) {
    for (var process : processes) {
      if (!process.alive()) {
        throw new IllegalStateException(
            process.name() + " exited (" + process.exitCode() + "):\n" + process.tail(20));
      }
    }
  }

  private static ServiceProcess start(Path home, Path work, String module, String yaml)
      throws IOException {
    Path config = write(work.resolve(module + ".yml"), yaml);
    return ServiceProcess.start(
        module,
        ServiceProcess.jarOf(home, module),
        List.of("--config", config.toString()),
        work.resolve("logs").resolve(module + ".log"));
  }

  /**
   * Distinct health-IT stories (the labelled relevance set), each a new article published now under
   * a link of its own, so no two are reprints of one another.
   */
  private static List<DemoCorpus.Article> articles(int count) throws IOException {
    var articles = new ArrayList<DemoCorpus.Article>();
    String run = UUID.randomUUID().toString().substring(0, 6);
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                LatencyBench.class.getResourceAsStream("/demo/relevance-set.jsonl"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null && articles.size() < count) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode item = Json.mapper().readTree(line);
        String id = run + "-" + item.path("id").asText();
        String body = item.path("body").asText();
        articles.add(
            new DemoCorpus.Article(
                id,
                "seed",
                null,
                null,
                "live",
                null,
                item.path("title").asText(),
                "http://live.example/news/" + id + ".html",
                OffsetDateTime.now(CHINA).withNano(0),
                Arrays.stream(body.split("(?<=。)")).filter(s -> !s.isBlank()).toList()));
      }
    }
    if (articles.size() < count) {
      throw new IllegalArgumentException(
          "the relevance set has " + articles.size() + " articles; ask for at most that many");
    }
    return articles;
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
