package io.healthwatch.devstack.sites;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.healthwatch.devstack.sites.DemoCorpus.Article;
import io.healthwatch.devstack.sites.DemoCorpus.Outlet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A news site on 127.0.0.1 whose articles appear while it runs: each {@link #publish} lists one
 * more article in its RSS feed. It remembers when each article was listed and when its page was
 * first fetched, so a benchmark can time the pipeline from the moment a crawler has seen a page.
 * The feed answers conditional requests like a real CMS (ETag, 304).
 */
public final class LiveSite implements AutoCloseable {
  private final Outlet outlet;
  private final HttpServer server;
  private final int feedLength;
  private final List<Article> listed = new CopyOnWriteArrayList<>();
  private final Map<String, Article> byPath = new ConcurrentHashMap<>();
  private final Map<String, Instant> listedAt = new ConcurrentHashMap<>();
  private final Map<String, Instant> firstServed = new ConcurrentHashMap<>();
  private final AtomicLong feedReads = new AtomicLong();
  private final AtomicLong version = new AtomicLong();

  /**
   * The feed as last written, until the next article is listed: a CMS serves a static file, and the
   * soak's sites, polled up to 200 times a second, share the CPU with the pipeline they measure.
   */
  private volatile WrittenFeed written;

  private record WrittenFeed(long version, byte[] bytes) {}

  private LiveSite(Outlet outlet, HttpServer server, int feedLength) {
    this.outlet = outlet;
    this.server = server;
    this.feedLength = feedLength;
  }

  /** A site whose feed lists every article it has published. */
  public static LiveSite start(Outlet outlet) throws IOException {
    return start(outlet, Integer.MAX_VALUE);
  }

  /**
   * A site whose feed lists only its latest {@code feedLength} articles, as a real one does: a long
   * run's feed stays the size of a real feed (older pages are still served).
   */
  public static LiveSite start(Outlet outlet, int feedLength) throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var site = new LiveSite(outlet, server, feedLength);
    server.createContext("/", site::handle);
    server.start();
    return site;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String feedUrl() {
    return baseUrl() + "/rss.xml";
  }

  /** Lists the article in the feed from now on; its page is served at its local path. */
  public void publish(Article article) {
    Instant now = Instant.now();
    byPath.put(article.localPath(), article);
    listedAt.put(article.id(), now);
    listed.add(0, article);
    version.incrementAndGet();
  }

  public Optional<Instant> listedAt(String articleId) {
    return Optional.ofNullable(listedAt.get(articleId));
  }

  /** When a client first fetched the article's page: the moment a crawler has seen it. */
  public Optional<Instant> firstServed(String articleId) {
    return Optional.ofNullable(firstServed.get(articleId));
  }

  public long feedReads() {
    return feedReads.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      Charset charset = Charset.forName(outlet.charset());
      if (path.equals("/robots.txt")) {
        send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n".getBytes(charset));
        return;
      }
      if (path.equals("/rss.xml")) {
        feedReads.incrementAndGet();
        // An entity tag, not Last-Modified: two articles published within one second must not
        // hide the second behind a 304.
        String tag = "\"v" + version.get() + "\"";
        if (tag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.getResponseHeaders().add("ETag", tag);
          exchange.sendResponseHeaders(304, -1);
          return;
        }
        exchange.getResponseHeaders().add("ETag", tag);
        send(exchange, 200, "application/rss+xml; charset=" + outlet.charset(), feed(charset));
        return;
      }
      Article article = byPath.get(path);
      if (article == null) {
        send(exchange, 404, "text/plain", "not found".getBytes(charset));
        return;
      }
      firstServed.putIfAbsent(article.id(), Instant.now());
      send(
          exchange,
          200,
          "text/html; charset=" + outlet.charset(),
          DemoSites.articlePage(outlet, article));
    }
  }

  /** The feed's bytes, written again only when an article was listed since. */
  private byte[] feed(Charset charset) {
    long now = version.get();
    WrittenFeed feed = written;
    if (feed == null || feed.version() != now) {
      // Read after the version: an article listed meanwhile is in it and gets its own version.
      feed = new WrittenFeed(now, FeedWriter.rss(outlet, baseUrl(), latest()).getBytes(charset));
      written = feed;
    }
    return feed.bytes();
  }

  private List<Article> latest() {
    var all = new ArrayList<>(listed);
    return all.size() <= feedLength ? all : all.subList(0, feedLength);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
