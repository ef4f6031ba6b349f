package io.healthwatch.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.fetch.FetchQueues;
import io.healthwatch.crawler.fetch.FetchTask;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.frontier.Crawler;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.devstack.services.LocalServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetching from many hosts on loopback with politeness on: each host may be asked once per delay,
 * so the best possible rate is hosts / delay. Two runs side by side, each on fresh hosts serving a
 * list page and its article pages: the fetch queues and HTTP alone (no Kafka, no extraction), and
 * the whole crawler in a single pass with its status store on (every URL's state written to the
 * status topic, articles extracted and published, links recorded before their page). The rate is
 * taken on the servers' side, first request to last, so JVM and group start-up do not count.
 */
final class FetchBench {
  private static final int THREADS = Integer.getInteger("threads", 32);
  private static final int ROUNDS = 3;
  private static final int WARMUPS = Integer.getInteger("warmups", 3);

  private FetchBench() {}

  /** Fixture hosts: a list page linking {@code pages} articles each. */
  private static final class Hosts implements AutoCloseable {
    final List<HttpServer> servers = new ArrayList<>();
    final ExecutorService threads = Executors.newFixedThreadPool(16);
    final AtomicLong served = new AtomicLong();
    final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong last = new AtomicLong();
    final java.util.concurrent.ConcurrentHashMap<String, Long> listAt =
        new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.concurrent.ConcurrentHashMap<String, Long> firstArticleAt =
        new java.util.concurrent.ConcurrentHashMap<>();

    Hosts(int hosts, int pages) throws Exception {
      var list = new StringBuilder("<html><head><title>列表</title></head><body><ul>");
      for (int p = 0; p < pages; p++) {
        list.append("<li><a href=\"/a/")
            .append(p)
            .append(".html\">第")
            .append(p)
            .append("篇</a></li>");
      }
      byte[] listPage =
          list.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
      byte[] article =
          ("<html><head><title>医保码全场景应用</title>"
                  + "<meta name=\"publishdate\" content=\"2024-05-14 10:00:00\"></head><body>"
                  + "<h1>医保码全场景应用</h1><div class=\"content\">"
                  + "<p>医保码全场景应用，患者在医院挂号、就诊、取药都可以使用医保码。</p>"
                      .repeat(Integer.getInteger("paragraphs", 40))
                  + "</div></body></html>")
              .getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < hosts; i++) {
        var server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
            "/",
            exchange -> {
              try (exchange) {
                long now = System.nanoTime();
                first.accumulateAndGet(now, Math::min);
                last.accumulateAndGet(now, Math::max);
                boolean isList = exchange.getRequestURI().getPath().equals("/list.html");
                String host =
                    Integer.toString(exchange.getHttpContext().getServer().getAddress().getPort());
                (isList ? listAt : firstArticleAt).putIfAbsent(host, now);
                byte[] body = isList ? listPage : article;
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                served.incrementAndGet();
              }
            });
        server.setExecutor(threads);
        server.start();
        servers.add(server);
      }
    }

    String base(HttpServer server) {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How long each host waited from its list page to its first article, median and worst. */
    String discovery() {
      var waits = new ArrayList<Long>();
      listAt.forEach(
          (host, at) -> {
            Long first = firstArticleAt.get(host);
            if (first != null) {
              waits.add((first - at) / 1_000_000);
            }
          });
      java.util.Collections.sort(waits);
      return waits.isEmpty()
          ? "-"
          : "list page to first article: median "
              + waits.get(waits.size() / 2)
              + " ms, worst "
              + waits.get(waits.size() - 1)
              + " ms; span "
              + (last.get() - first.get()) / 1_000_000
              + " ms";
    }

    /** Requests per second between the first and the last request served. */
    double rate() {
      return (served.get() - 1) / ((last.get() - first.get()) / 1e9);
    }

    @Override
    public void close() {
      servers.forEach(server -> server.stop(0));
      threads.shutdownNow();
    }
  }

  static void run(Path home, int hosts, int pages, long delayMillis, PrintStream out)
      throws Exception {
    int perHost = pages + 1;
    // The first request to each host goes at once, then one per delay.
    double bound = hosts * perHost / ((perHost - 1) * delayMillis / 1000.0);
    out.printf(
        "%d hosts x (1 list page + %d articles), per-host delay %d ms: politeness allows %.0f"
            + " requests/s; %d fetch threads%n",
        hosts, pages, delayMillis, bound, THREADS);
    var services = LocalServices.fromEnvironment(home);
    services.startAll();
    String bootstrap = services.config().kafkaBootstrap();
    var bare = new ArrayList<Double>();
    var crawler = new ArrayList<Double>();
    // The first rounds warm the JIT up and are not counted; the two runs take turns.
    for (int round = 1 - WARMUPS; round <= ROUNDS; round++) {
      double b = bare(hosts, pages, delayMillis);
      double c = crawler(home, bootstrap, hosts, pages, delayMillis);
      if (round >= 1) {
        bare.add(b);
        crawler.add(c);
      }
      out.printf(
          "  %s: queues + HTTP alone %.0f requests/s (%.2f of the bound);"
              + " crawler with the status store %.0f requests/s (%.2f of the bound)%n",
          round < 1 ? "warm-up" : "round " + round, b, b / bound, c, c / bound);
    }
    double b = median(bare);
    double c = median(crawler);
    out.printf(
        "median of %d: queues + HTTP alone %.2f of the politeness bound; the whole crawler with"
            + " the status store %.2f (%.2f of the bare run)%n",
        ROUNDS, b / bound, c / bound, c / b);
  }

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** The fetch queues and HTTP with fetch threads, every URL queued from the start. */
  private static double bare(int hosts, int pages, long delayMillis) throws Exception {
    try (var site = new Hosts(hosts, pages)) {
      var fetcher =
          new HttpFetcher(config(Map.of("fetch.perHostDelayMillis", "" + delayMillis)).fetch());
      var queues = new FetchQueues(Clock.systemUTC(), Duration.ofMillis(delayMillis));
      Instant now = Instant.now();
      int total = 0;
      for (HttpServer server : site.servers) {
        String base = site.base(server);
        String key = "127.0.0.1:" + server.getAddress().getPort();
        var urls = new ArrayList<String>(List.of(base + "/list.html"));
        for (int p = 0; p < pages; p++) {
          urls.add(base + "/a/" + p + ".html");
        }
        for (String url : urls) {
          var state =
              CrawlState.discovered(
                  FrontierUrl.link(url, "bench", FrontierUrl.Role.ARTICLE, null, null, null, now),
                  now,
                  1);
          queues.offer(new FetchTask(state, 0, key, now, 0));
          total++;
        }
      }
      var done = new AtomicLong();
      var pool = Executors.newFixedThreadPool(THREADS);
      for (int t = 0; t < THREADS; t++) {
        pool.submit(
            () -> {
              while (done.get() < site.servers.size() * (pages + 1L)) {
                FetchTask task = queues.take(Duration.ofMillis(200));
                if (task == null) {
                  continue;
                }
                try {
                  fetcher.fetch(task.url());
                } finally {
                  queues.release(task, null);
                  done.incrementAndGet();
                }
              }
              return null;
            });
      }
      pool.shutdown();
      pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
      if (site.served.get() != total) {
        throw new IllegalStateException("served " + site.served.get() + " of " + total);
      }
      return site.rate();
    }
  }

  /** The whole crawler, one single pass over the hosts as html-list sources. */
  private static double crawler(Path home, String bootstrap, int hosts, int pages, long delayMillis)
      throws Exception {
    String ns = "bench-fetch-" + System.currentTimeMillis();
    Path work = Files.createTempDirectory("healthwatch-fetch-bench");
    try (var site = new Hosts(hosts, pages)) {
      var yaml = new StringBuilder("sources:\n");
      for (int i = 0; i < site.servers.size(); i++) {
        yaml.append("  - id: h")
            .append(i)
            .append("\n    name: 站")
            .append(i)
            .append("\n    kind: html-list\n    entryUrls: [\"")
            .append(site.base(site.servers.get(i)))
            .append("/list.html\"]\n");
      }
      Path sources = Files.writeString(work.resolve("sources.yml"), yaml);
      var overrides = new LinkedHashMap<String, String>();
      overrides.put("namespace", ns);
      overrides.put("kafka.bootstrapServers", bootstrap);
      overrides.put("ops.port", "-1");
      overrides.put("threads", "" + THREADS);
      overrides.put("fetch.perHostDelayMillis", "" + delayMillis);
      overrides.put("fetch.respectRobots", "false");
      var config = config(overrides);
      TopicProvisioner.ensure(
          config.kafka(),
          ns,
          List.of(Topics.FRONTIER, Topics.CRAWL_STATUS, Topics.DISCOVERED, Topics.DEAD_LETTER));
      try (var crawler =
          Crawler.start(
              config, SourceRegistry.load(sources), work, true, new SimpleMeterRegistry())) {
        var thread = new Thread(crawler::run, "bench-crawler");
        thread.start();
        thread.join(Duration.ofMinutes(5).toMillis());
        if (thread.isAlive()) {
          crawler.stop();
          throw new IllegalStateException("the single pass did not end within 5 minutes");
        }
        long expected = (long) hosts * (pages + 1);
        if (site.served.get() != expected
            || crawler.metrics().publishedCount() != (double) hosts * pages) {
          throw new IllegalStateException(
              "served "
                  + site.served.get()
                  + " of "
                  + expected
                  + ", published "
                  + crawler.metrics().publishedCount());
        }
        if (Boolean.getBoolean("timing")) {
          System.out.println("    crawler: " + site.discovery());
        }
        return site.rate();
      }
    } finally {
      BenchTopics.delete(bootstrap, ns);
    }
  }

  private static CrawlerConfig config(Map<String, String> overrides) {
    return CrawlerConfig.load(null, Map.of(), overrides);
  }
}
