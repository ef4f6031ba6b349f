package io.healthwatch.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.CrawlerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP against a fixture server on 127.0.0.1: what sites do to crawlers. */
class HttpFetcherIT {
  private HttpServer server;
  private String base;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  private final CrawlerConfig.Fetch config =
      new CrawlerConfig.Fetch("healthwatch-test/1.0", 1000, 2000, 0, 64 * 1024, 2, 50, true, 5);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    // Concurrent handlers: a slow page must not hold up the requests behind it.
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      switch (path) {
        case "/robots.txt" ->
            send(
                exchange,
                200,
                "text/plain",
                "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n");
        case "/flaky" -> send(exchange, hit < 3 ? 503 : 200, "text/html", "<p>第" + hit + "次</p>");
        case "/busy" -> {
          exchange.getResponseHeaders().set("Retry-After", "1");
          send(exchange, hit == 1 ? 429 : 200, "text/html", "<p>ok</p>");
        }
        case "/always-down" -> send(exchange, 500, "text/html", "down");
        case "/gone" -> send(exchange, 404, "text/html", "not here");
        case "/huge" -> send(exchange, 200, "text/html", "<p>" + "大".repeat(40_000) + "</p>");
        case "/pdf" -> send(exchange, 200, "application/pdf", "%PDF-1.4");
        case "/moved" -> {
          exchange.getResponseHeaders().set("Location", "/flaky-free");
          exchange.sendResponseHeaders(301, -1);
        }
        case "/slow" -> {
          try {
            Thread.sleep(1500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(exchange, 200, "text/html", "<p>too late</p>");
        }
        case "/loop-a", "/loop-b" -> {
          exchange
              .getResponseHeaders()
              .set("Location", path.equals("/loop-a") ? "/loop-b" : "/loop-a");
          exchange.sendResponseHeaders(302, -1);
        }
        case "/flaky-free" -> send(exchange, 200, "text/html; charset=utf-8", "<p>到了</p>");
        case "/gzip" -> {
          var buffer = new ByteArrayOutputStream();
          try (var gzip = new GZIPOutputStream(buffer)) {
            gzip.write("<p>压缩的页面</p>".getBytes(StandardCharsets.UTF_8));
          }
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, buffer.size());
          exchange.getResponseBody().write(buffer.toByteArray());
        }
        case "/versioned" -> {
          if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
          } else {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            send(exchange, 200, "text/html", "<p>第一版</p>");
          }
        }
        default -> {
          if (path.startsWith("/chain/")) {
            // /chain/N redirects to /chain/N-1 (absolute), /chain/0 is the page.
            int left = Integer.parseInt(path.substring("/chain/".length()));
            if (left > 0) {
              exchange.getResponseHeaders().set("Location", base + "/chain/" + (left - 1));
              exchange.sendResponseHeaders(left % 2 == 0 ? 307 : 301, -1);
              return;
            }
          }
          send(exchange, 200, "text/html", "<p>ok</p>");
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Test
  void serverErrorsAreRetriedUntilThePageComes() throws Exception {
    var page = new HttpFetcher(config).fetch(base + "/flaky");
    assertEquals(3, hits.get("/flaky").get());
    assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("第3次"));
  }

  @Test
  void tooManyRequestsWaitsForRetryAfter() throws Exception {
    long started = System.nanoTime();
    new HttpFetcher(config).fetch(base + "/busy");
    long waitedMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(2, hits.get("/busy").get());
    assertTrue(waitedMillis >= 900, "waited " + waitedMillis + " ms for Retry-After: 1");
  }

  @Test
  void persistentServerErrorEndsWithTheStatusAfterAllRetries() {
    var error =
        assertThrows(
            FetchException.class, () -> new HttpFetcher(config).fetch(base + "/always-down"));
    assertEquals(ReasonCode.HTTP_STATUS, error.reason());
    assertEquals(3, hits.get("/always-down").get(), "one attempt and two retries");
  }

  @Test
  void notFoundIsNotRetried() {
    var error =
        assertThrows(FetchException.class, () -> new HttpFetcher(config).fetch(base + "/gone"));
    assertEquals("HTTP 404", error.getMessage());
    assertEquals(1, hits.get("/gone").get());
  }

  @Test
  void deadHostIsAFetchFailureNotACrash() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var error =
        assertThrows(
            FetchException.class,
            () -> new HttpFetcher(config).fetch("http://127.0.0.1:" + closedPort + "/"));
    assertEquals(ReasonCode.FETCH_FAILED, error.reason());
  }

  @Test
  void slowHostTimesOutAndIsRetriedThenGivenUp() {
    var impatient =
        new HttpFetcher(new CrawlerConfig.Fetch("t/1", 1000, 300, 0, 65536, 1, 10, true, 5));
    var error = assertThrows(FetchException.class, () -> impatient.fetch(base + "/slow"));
    assertEquals(ReasonCode.FETCH_FAILED, error.reason());
    assertTrue(error.getMessage().contains("Timeout"), error.getMessage());
    assertEquals(2, hits.get("/slow").get());
  }

  @Test
  void hugeBodyIsRefusedAtTheCap() {
    var error =
        assertThrows(FetchException.class, () -> new HttpFetcher(config).fetch(base + "/huge"));
    assertEquals(ReasonCode.TOO_LARGE, error.reason());
  }

  @Test
  void nonHtmlIsRefused() {
    var error =
        assertThrows(FetchException.class, () -> new HttpFetcher(config).fetch(base + "/pdf"));
    assertEquals(ReasonCode.NOT_HTML, error.reason());
  }

  @Test
  void redirectsAndGzipAreFollowedAndUnpacked() throws Exception {
    var fetcher = new HttpFetcher(config);
    assertEquals(base + "/flaky-free", fetcher.fetch(base + "/moved").finalUrl());
    assertEquals(
        "<p>压缩的页面</p>", new String(fetcher.fetch(base + "/gzip").body(), StandardCharsets.UTF_8));
  }

  @Test
  void redirectChainsAreFollowedUpToTheConfiguredHops() throws Exception {
    var fetcher = new HttpFetcher(config);
    assertEquals(base + "/chain/0", fetcher.fetch(base + "/chain/5").finalUrl());

    var error = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/chain/6"));
    assertEquals(ReasonCode.HTTP_STATUS, error.reason());
    assertTrue(error.getMessage().contains("too many redirects (more than 5"), error.getMessage());
    // Five hops taken (/chain/6 to /chain/1), the sixth refused before it was requested.
    assertEquals(2, hits.get("/chain/1").get());
    assertEquals(1, hits.get("/chain/0").get());
  }

  @Test
  void redirectLoopEndsWithAClearReason() {
    var error =
        assertThrows(FetchException.class, () -> new HttpFetcher(config).fetch(base + "/loop-a"));
    assertEquals(ReasonCode.HTTP_STATUS, error.reason());
    assertTrue(error.getMessage().contains("redirect loop"), error.getMessage());
  }

  @Test
  void robotsRulesAreObeyedAndFetchedOncePerHost() throws Exception {
    var fetcher = new HttpFetcher(config);
    var robots = new RobotsCache(fetcher, config.userAgent());
    assertFalse(robots.allowed(base + "/private/report.html"));
    assertTrue(robots.allowed(base + "/news/1.html"));
    assertEquals(1, hits.get("/robots.txt").get());
  }

  @Test
  void secondFetchIsConditionalAndAnUnchangedPageIsA304() throws Exception {
    var fetcher = new HttpFetcher(config);
    assertEquals(200, fetcher.fetch(base + "/versioned").status());
    var again = fetcher.fetch(base + "/versioned");
    assertEquals(304, again.status());
    assertEquals(0, again.body().length);
    assertEquals(2, hits.get("/versioned").get());
  }

  @Test
  void robotsCrawlDelayStretchesThePerHostDelay() throws Exception {
    var fetcher = new HttpFetcher(config);
    var robots = new RobotsCache(fetcher, config.userAgent());
    String url = base + "/news/2.html";
    assertTrue(robots.allowed(url));
    assertEquals(1000, robots.crawlDelayMillis(url));
    long started = System.nanoTime();
    fetcher.fetch(url, robots.crawlDelayMillis(url));
    fetcher.fetch(url, robots.crawlDelayMillis(url));
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(
        elapsedMillis >= 900, "two requests within the crawl delay took " + elapsedMillis + " ms");
  }

  @Test
  void perHostDelayIsKept() throws Exception {
    var polite =
        new HttpFetcher(new CrawlerConfig.Fetch("t/1", 1000, 2000, 300, 65536, 0, 50, true, 5));
    long started = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      polite.fetch(base + "/page" + i);
    }
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(
        elapsedMillis >= 600, "three requests to one host took only " + elapsedMillis + " ms");
  }
}
