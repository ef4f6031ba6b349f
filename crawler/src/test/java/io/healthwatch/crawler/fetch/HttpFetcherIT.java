package io.healthwatch.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.TestConfigs;
import io.healthwatch.crawler.schedule.FetchOutcome;
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
      TestConfigs.fetch(
          "userAgent", "healthwatch-test/1.0", "readTimeoutMillis", "2000", "maxBytes", "65536");
  private final HttpFetcher fetcher = new HttpFetcher(config);
  private volatile boolean failRobots;

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
                failRobots ? 503 : 200,
                "text/plain",
                "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n");
        case "/forbidden" -> send(exchange, 403, "text/html", "no");
        case "/drip" -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, 0);
          try {
            for (int i = 0; i < 50; i++) {
              exchange.getResponseBody().write('.');
              exchange.getResponseBody().flush();
              Thread.sleep(100);
            }
          } catch (InterruptedException | IOException e) {
            // the client hung up, as it should
          }
        }
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
  void serverErrorIsATransientFailureWithItsStatusAndOneRequest() {
    var error = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/always-down"));
    assertEquals(ReasonCode.HTTP_STATUS, error.reason());
    assertEquals(Failure.TRANSIENT, error.failure());
    assertEquals(500, error.httpStatus());
    assertEquals(1, hits.get("/always-down").get(), "retries are the queues' and the scheduler's");
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    var error = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/busy"));
    assertEquals(Failure.TRANSIENT, error.failure());
    assertEquals(429, error.httpStatus());
    assertEquals(1000, error.retryAfterMillis());
  }

  @Test
  void notFoundIsGone() {
    var error = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/gone"));
    assertEquals("HTTP 404", error.getMessage());
    assertEquals(Failure.GONE, error.failure());
    assertEquals(1, hits.get("/gone").get());
  }

  @Test
  void forbiddenIsPermanent() {
    var error = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/forbidden"));
    assertEquals(Failure.PERMANENT, error.failure());
    assertEquals(403, error.httpStatus());
  }

  @Test
  void deadHostIsATransientFetchFailureNotACrash() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var error =
        assertThrows(
            FetchException.class, () -> fetcher.fetch("http://127.0.0.1:" + closedPort + "/"));
    assertEquals(ReasonCode.FETCH_FAILED, error.reason());
    assertEquals(Failure.TRANSIENT, error.failure());
  }

  @Test
  void slowHostTimesOut() {
    var impatient = new HttpFetcher(TestConfigs.fetch("readTimeoutMillis", "300"));
    var error = assertThrows(FetchException.class, () -> impatient.fetch(base + "/slow"));
    assertEquals(ReasonCode.FETCH_FAILED, error.reason());
    assertEquals(Failure.TRANSIENT, error.failure());
    assertTrue(error.getMessage().contains("no answer within 300 ms"), error.getMessage());
  }

  @Test
  void hostThatDripsItsBodyIsCutOff() {
    var patient =
        new HttpFetcher(
            TestConfigs.fetch("readTimeoutMillis", "1000", "maxDurationMillis", "1200"));
    long started = System.nanoTime();
    var error = assertThrows(FetchException.class, () -> patient.fetch(base + "/drip"));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(Failure.TRANSIENT, error.failure());
    assertTrue(error.getMessage().contains("not complete after 1200 ms"), error.getMessage());
    assertTrue(tookMillis < 4000, "cut off after " + tookMillis + " ms");
  }

  @Test
  void hugeBodyIsRefusedAtTheCap() {
    var error = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/huge"));
    assertEquals(ReasonCode.TOO_LARGE, error.reason());
    assertEquals(Failure.PERMANENT, error.failure());
  }

  @Test
  void nonHtmlIsRefused() {
    var error = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/pdf"));
    assertEquals(ReasonCode.NOT_HTML, error.reason());
  }

  @Test
  void redirectIsReportedWithItsAbsoluteTargetNotFollowed() throws Exception {
    var page = fetcher.fetch(base + "/moved");
    assertTrue(page.isRedirect());
    assertEquals(301, page.status());
    assertEquals(base + "/flaky-free", page.location());
    assertEquals(null, hits.get("/flaky-free"), "the target is fetched in its own turn");
  }

  @Test
  void gzipIsUnpacked() throws Exception {
    assertEquals(
        "<p>压缩的页面</p>", new String(fetcher.fetch(base + "/gzip").body(), StandardCharsets.UTF_8));
  }

  @Test
  void validatorsMakeAConditionalRequestAndAnUnchangedPageIsA304() throws Exception {
    var first = fetcher.fetch(base + "/versioned");
    assertEquals(200, first.status());
    assertEquals("\"v1\"", first.etag());
    var again = fetcher.fetch(base + "/versioned", first.etag(), first.lastModified());
    assertTrue(again.notModified());
    assertEquals(0, again.body().length);
    assertEquals(2, hits.get("/versioned").get());
  }

  @Test
  void robotsRulesAreReadOnceAndGiveTheCrawlDelay() throws Exception {
    var robots = new RobotsCache(config.userAgent(), 100);
    assertEquals(RobotsCache.Verdict.UNKNOWN, robots.verdict(base + "/news/1.html"));
    var outcome = robots.read(base + "/news/1.html", fetcher);
    assertTrue(outcome instanceof FetchOutcome.Fetched, outcome.toString());
    assertEquals(RobotsCache.Verdict.DISALLOWED, robots.verdict(base + "/private/report.html"));
    assertEquals(RobotsCache.Verdict.ALLOWED, robots.verdict(base + "/news/1.html"));
    assertEquals(1000, robots.crawlDelayMillis(base + "/news/2.html"));
    assertEquals(1, hits.get("/robots.txt").get());
  }

  @Test
  void unreadableRobotsLeavesTheHostAloneForNow() throws Exception {
    var robots = new RobotsCache(config.userAgent(), 100);
    String other = base.replace("127.0.0.1", "localhost") + "/x";
    failRobots = true;
    var outcome = robots.read(other, fetcher);
    assertTrue(outcome instanceof FetchOutcome.Failed failed && failed.kind() == Failure.TRANSIENT);
    assertEquals(RobotsCache.Verdict.UNREADABLE, robots.verdict(other));
  }
}
