package io.healthwatch.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.fetch.HttpFetcher;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetching from many hosts on loopback with politeness on: each host may be asked once per per-host
 * delay, so the best possible rate is hosts / delay. The figure that matters is how close the
 * fetcher comes to it (its own overhead is the gap).
 */
final class FetchBench {
  private FetchBench() {}

  static void run(int hosts, int pagesPerHost, long delayMillis, PrintStream out) throws Exception {
    byte[] page =
        ("<html><head><title>t</title></head><body>"
                + "<p>医保码全场景应用。</p>".repeat(200)
                + "</body></html>")
            .getBytes(StandardCharsets.UTF_8);
    var servers = new ArrayList<HttpServer>();
    var served = new AtomicLong();
    ExecutorService serverThreads = Executors.newFixedThreadPool(16);
    try {
      for (int i = 0; i < hosts; i++) {
        var server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
            "/",
            exchange -> {
              try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                served.incrementAndGet();
              }
            });
        server.setExecutor(serverThreads);
        server.start();
        servers.add(server);
      }
      var fetcher =
          new HttpFetcher(
              new CrawlerConfig.Fetch(
                  "healthwatch-bench/1.0", 2000, 5000, delayMillis, 1 << 20, 0, 50, false, 5));
      // One task per host, as the frontier gives a host to one worker: hosts proceed in parallel.
      ExecutorService pool = Executors.newFixedThreadPool(hosts);
      long started = System.nanoTime();
      List<Future<Integer>> results = new ArrayList<>();
      for (HttpServer server : servers) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        results.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int p = 0; p < pagesPerHost; p++) {
                    ok += fetcher.fetch(base + "/page-" + p + ".html").body().length > 0 ? 1 : 0;
                  }
                  return ok;
                }));
      }
      int fetched = 0;
      for (Future<Integer> result : results) {
        fetched += result.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      pool.shutdownNow();
      double rate = fetched / seconds;
      // The first request to each host goes at once, then one per delay.
      double bound = hosts * pagesPerHost / ((pagesPerHost - 1) * delayMillis / 1000.0);
      out.printf(
          "%d hosts x %d pages, per-host delay %d ms: %d pages in %.2f s = %.0f pages/s;"
              + " politeness allows %.0f pages/s; the fetcher reaches %.2f of it%n",
          hosts, pagesPerHost, delayMillis, fetched, seconds, rate, bound, rate / bound);
    } finally {
      servers.forEach(server -> server.stop(0));
      serverThreads.shutdownNow();
    }
  }
}
