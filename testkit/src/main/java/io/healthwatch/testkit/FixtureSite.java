package io.healthwatch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site on 127.0.0.1 whose pages a test defines path by path, each answer chosen by how many
 * times the page was asked for (a page down for its first requests, a page edited after its first
 * read). Counts every request, so tests can say "fetched exactly once".
 */
public final class FixtureSite implements AutoCloseable {
  /** One answer. */
  public record Answer(int status, String contentType, String body, Map<String, String> headers) {
    public static Answer html(String body) {
      return new Answer(200, "text/html; charset=utf-8", body, Map.of());
    }

    public static Answer status(int status) {
      return new Answer(
          status, "text/html; charset=utf-8", "<html><body>" + status + "</body></html>", Map.of());
    }

    public static Answer redirect(int status, String location) {
      return new Answer(status, "text/html", "", Map.of("Location", location));
    }

    public Answer withHeader(String name, String value) {
      var all = new java.util.HashMap<>(headers);
      all.put(name, value);
      return new Answer(status, contentType, body, Map.copyOf(all));
    }
  }

  /** What a page answers to its {@code n}-th request (1 for the first). */
  @FunctionalInterface
  public interface Page {
    Answer answer(int n, HttpExchange exchange);
  }

  private final HttpServer server;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, java.util.List<java.time.Instant>> times = new ConcurrentHashMap<>();

  private FixtureSite(HttpServer server) {
    this.server = server;
  }

  public static FixtureSite start() throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var site = new FixtureSite(server);
    server.createContext("/", site::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    return site;
  }

  /** Defines (or redefines) a page; undefined paths answer 404. */
  public FixtureSite page(String path, Page page) {
    pages.put(path, page);
    return this;
  }

  public FixtureSite page(String path, Answer answer) {
    return page(path, (n, exchange) -> answer);
  }

  /**
   * An RSS feed at {@code path} listing the pages at {@code articlePaths} of this site (an absolute
   * URL is listed as it is: a link to another site).
   */
  public FixtureSite feed(String path, java.util.List<String> articlePaths) {
    var items = new StringBuilder();
    for (String article : articlePaths) {
      items
          .append("<item><title>")
          .append(article)
          .append("</title><link>")
          .append(article.startsWith("http") ? article : url(article))
          .append("</link><pubDate>Tue, 14 May 2024 02:00:00 GMT</pubDate></item>");
    }
    String rss =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<link>"
            + base()
            + "</link><description>d</description>"
            + items
            + "</channel></rss>";
    return page(path, new Answer(200, "application/rss+xml", rss, Map.of()));
  }

  /**
   * A crawler source registry with this site's feed at {@code feedPath} as its one source ({@code
   * fixture}, 测试网).
   */
  public java.nio.file.Path writeSources(java.nio.file.Path file, String feedPath)
      throws IOException {
    return java.nio.file.Files.writeString(
        file,
        "sources:\n  - id: fixture\n    name: 测试网\n    kind: rss\n    entryUrls: [\""
            + url(feedPath)
            + "\"]\n");
  }

  /** An article page the generic extractor reads: a title, a time, a body of a few paragraphs. */
  public static String article(String title, String paragraph) {
    return "<html><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title><meta name=\"publishdate\" content=\"2024-05-14 10:00:00\"></head><body>"
        + "<div class=\"nav\"><a href=\"/\">首页</a></div><h1>"
        + title
        + "</h1><div class=\"content\">"
        + ("<p>" + paragraph + "国家卫生健康委员会推进医疗机构检查检验结果互认共享，患者在不同医院就诊时不必重复检查。</p>").repeat(4)
        + "</div></body></html>";
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String url(String path) {
    return base() + path;
  }

  /** How many times a path (with its query) was requested. */
  public int requests(String path) {
    var count = requests.get(path);
    return count == null ? 0 : count.get();
  }

  /** When a path was requested, in order. */
  public java.util.List<java.time.Instant> requestTimes(String path) {
    return java.util.List.copyOf(times.getOrDefault(path, java.util.List.of()));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      String key = query == null ? path : path + "?" + query;
      int n = requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      times
          .computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
          .add(java.time.Instant.now());
      Page page = pages.get(key);
      Answer answer = page == null ? Answer.status(404) : page.answer(n, exchange);
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      boolean noBody = answer.status() == 304 || bytes.length == 0;
      exchange.sendResponseHeaders(answer.status(), noBody ? -1 : bytes.length);
      if (!noBody) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
