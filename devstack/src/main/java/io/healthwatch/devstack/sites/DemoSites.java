package io.healthwatch.devstack.sites;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.healthwatch.devstack.sites.DemoCorpus.Article;
import io.healthwatch.devstack.sites.DemoCorpus.Outlet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves the demo corpus as real-shaped news sites on 127.0.0.1, one HTTP server (one host:port)
 * per outlet: a feed (RSS or Atom) or a list page, article pages at the same paths as on the public
 * site, robots.txt. Pages are encoded in the outlet's charset (some are GBK).
 */
public final class DemoSites implements AutoCloseable {
  private final DemoCorpus corpus;
  private final Map<String, HttpServer> servers = new LinkedHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicLong> requestsByUrl =
      new java.util.concurrent.ConcurrentHashMap<>();

  private DemoSites(DemoCorpus corpus) {
    this.corpus = corpus;
  }

  /** Starts one server per outlet on free loopback ports. */
  public static DemoSites start(DemoCorpus corpus) throws IOException {
    var sites = new DemoSites(corpus);
    try {
      for (Outlet outlet : corpus.outlets()) {
        var server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> sites.handle(outlet, exchange));
        server.start();
        sites.servers.put(outlet.id(), server);
      }
    } catch (IOException | RuntimeException e) {
      sites.close();
      throw e;
    }
    return sites;
  }

  public DemoCorpus corpus() {
    return corpus;
  }

  public String baseUrl(String outletId) {
    var address = servers.get(outletId).getAddress();
    return "http://127.0.0.1:" + address.getPort();
  }

  /** The URL a crawler starts from for this outlet: its feed or its list page. */
  public String entryUrl(Outlet outlet) {
    return baseUrl(outlet.id())
        + switch (outlet.feed()) {
          case "rss" -> "/rss.xml";
          case "atom" -> "/atom.xml";
          case "sitemap" -> "/sitemap-news.xml";
          default -> "/list.html";
        };
  }

  public long requestCount() {
    return requests.get();
  }

  /** How often a page was asked for: the crawler's politeness and dedup are tested on it. */
  public long requestCount(String url) {
    var count = requestsByUrl.get(url);
    return count == null ? 0 : count.get();
  }

  private void handle(Outlet outlet, HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      String pathAndQuery = query == null ? path : path + "?" + query;
      String base = baseUrl(outlet.id());
      requestsByUrl.computeIfAbsent(base + pathAndQuery, u -> new AtomicLong()).incrementAndGet();
      List<Article> listed = corpus.articlesOf(outlet.id());
      switch (path) {
        case "/robots.txt" ->
            send(
                exchange,
                200,
                "text/plain",
                "User-agent: *\nDisallow: /search\nDisallow: /ad\n",
                StandardCharsets.US_ASCII);
        case "/rss.xml" ->
            send(
                exchange,
                200,
                "application/rss+xml",
                FeedWriter.rss(outlet, base, listed),
                charset(outlet));
        case "/sitemap-news.xml" ->
            send(
                exchange,
                200,
                "application/xml",
                FeedWriter.newsSitemap(outlet, base, listed),
                StandardCharsets.UTF_8);
        case "/atom.xml" ->
            send(
                exchange,
                200,
                "application/atom+xml",
                FeedWriter.atom(outlet, base, listed),
                charset(outlet));
        case "/list.html", "/" ->
            send(
                exchange, 200, "text/html", PageRenderer.listPage(outlet, listed), charset(outlet));
        default -> article(exchange, outlet, pathAndQuery, listed);
      }
    }
  }

  /** The bytes the site serves for an article page, in the outlet's charset. */
  public static byte[] articlePage(DemoCorpus corpus, Article article) {
    Outlet outlet =
        corpus.outlets().stream()
            .filter(o -> o.id().equals(article.outlet()))
            .findFirst()
            .orElseThrow();
    return render(outlet, article, corpus.articlesOf(outlet.id())).getBytes(charset(outlet));
  }

  /** An article page as a live site serves it: in the outlet's layout, no related list. */
  public static byte[] articlePage(Outlet outlet, Article article) {
    return PageRenderer.article(outlet, article, List.of()).getBytes(charset(outlet));
  }

  private static String render(Outlet outlet, Article article, List<Article> listed) {
    var related = new ArrayList<Article>();
    for (Article other : listed) {
      if (other != article && related.size() < 3 && !other.paragraphs().isEmpty()) {
        related.add(other);
      }
    }
    return PageRenderer.article(outlet, article, related);
  }

  private void article(
      HttpExchange exchange, Outlet outlet, String pathAndQuery, List<Article> listed)
      throws IOException {
    for (Article article : listed) {
      if (article.localPath().equals(pathAndQuery) && !"missing".equals(article.kind())) {
        send(exchange, 200, "text/html", render(outlet, article, listed), charset(outlet));
        return;
      }
    }
    send(
        exchange,
        404,
        "text/html",
        "<html><body><h1>404 页面不存在</h1></body></html>",
        StandardCharsets.UTF_8);
  }

  private static Charset charset(Outlet outlet) {
    return Charset.forName(outlet.charset());
  }

  /**
   * The GB-family outlets declare their charset only inside the page, as many real Chinese sites
   * do, so the crawler has to find it there.
   */
  private static void send(
      HttpExchange exchange, int status, String type, String body, Charset charset)
      throws IOException {
    byte[] bytes = body.getBytes(charset);
    String contentType =
        charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
            ? type + "; charset=" + charset.name().toLowerCase()
            : type;
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    servers.values().forEach(server -> server.stop(0));
    servers.clear();
  }
}
