package io.healthwatch.editorial.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.editorial.issue.EditorOverrides;
import io.healthwatch.editorial.issue.IssueCandidates;
import io.healthwatch.editorial.issue.IssueMaterializer;
import io.healthwatch.editorial.issue.IssueStore;
import io.healthwatch.editorial.issue.WeeklyIssue;
import io.healthwatch.editorial.search.ArticleSearch;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./healthwatch serve}: the editors' pages over OpenSearch. The archive of issues, each
 * issue rendered, search with filters, and per week its candidates ranked by relevance with pin,
 * exclude and publish. Changes go through the same classes as the CLI (EditorOverrides,
 * IssueMaterializer), so the web and the command line never disagree.
 */
public final class EditorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EditorServer.class);

  /** One line per request: address, caller, method, path, status, time. */
  private static final Logger ACCESS = LoggerFactory.getLogger("io.healthwatch.editorial.access");

  private static final int MAX_URI_CHARS = 8192;
  private static final Pattern ISSUE = Pattern.compile("/issues/(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern WEEK =
      Pattern.compile("/weeks/(\\d{4}-\\d{2}-\\d{2})(/choices|/publish)?");
  private static final int CANDIDATES_SHOWN = 50;
  private static final int HITS_SHOWN = 50;

  private final HttpServer server;
  private final ExecutorService executor;
  private final EditorPages pages;
  private final IssueStore archive;
  private final IssueCandidates candidates;
  private final ArticleSearch search;
  private final IssueMaterializer materializer;
  private final EditorOverrides overrides;
  private final EditorialConfig.Issues issues;
  private final Path outputDir;
  private final EditorAccess access;
  private final IssueApi api;
  private final IssueFeed feed;
  private final EditorialConfig.Server settings;

  private EditorServer(
      HttpServer server, OpenSearchClient client, EditorialConfig config, Path outputDir) {
    String namespace = config.namespace();
    this.server = server;
    this.settings = config.server();
    this.access = new EditorAccess(config.server(), server.getAddress(), Clock.systemUTC());
    this.executor = Executors.newFixedThreadPool(4);
    this.pages = new EditorPages(namespace, config.calendar(), access.loginRequired());
    this.archive = new IssueStore(client, namespace);
    this.candidates = new IssueCandidates(client, namespace);
    this.search = new ArticleSearch(client, namespace, config.calendar());
    this.materializer =
        new IssueMaterializer(client, namespace, config.issues(), config.calendar());
    this.overrides = new EditorOverrides(client, namespace);
    this.issues = config.issues();
    this.outputDir = outputDir;
    this.api = new IssueApi(archive, search);
    this.feed = new IssueFeed(archive, config.issues(), namespace);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /**
   * Starts serving; port 0 takes a free one (see {@link #address()}).
   *
   * @param outputDir where a published issue's Markdown and HTML files go
   */
  public static EditorServer start(
      InetSocketAddress address, OpenSearchClient client, EditorialConfig config, Path outputDir)
      throws IOException {
    var http = HttpServer.create(address, 32);
    EditorServer editor;
    try {
      editor = new EditorServer(http, client, config, outputDir);
    } catch (RuntimeException e) {
      http.stop(0); // refused its settings: the port is not left bound
      throw e;
    }
    editor.server.start();
    return editor;
  }

  public URI address() {
    InetSocketAddress bound = server.getAddress();
    return URI.create("http://" + bound.getHostString() + ":" + bound.getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    var caller = new String[] {"-"};
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      try {
        if (!access.hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
          // A page on another name (DNS rebinding) or a misrouted request: not ours to answer.
          send(exchange, 421, pages.error(421, "this server does not answer for that host name"));
          return;
        }
        if (exchange.getRequestURI().toString().length() > MAX_URI_CHARS) {
          send(exchange, 414, pages.error(414, "the address is too long"));
          return;
        }
        if (path.equals("/health")) {
          sendText(exchange, 200, "text/plain", "ok\n");
          return;
        }
        if (path.equals("/login") || path.equals("/logout")) {
          loginOrLogout(exchange, method, path);
          return;
        }
        var who =
            path.equals(IssueApi.PREFIX + "openapi.json")
                ? Optional.of(EditorAccess.Caller.ANYONE)
                : access.caller(exchange);
        if (who.isEmpty()) {
          refuseWithoutLogin(exchange, path);
          return;
        }
        caller[0] = who.get().name().toLowerCase(java.util.Locale.ROOT);
        if (path.startsWith(IssueApi.PREFIX) || path.equals(IssueFeed.PATH)) {
          if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            sendJson(
                exchange,
                IssueApi.problem(405, method + " is not served here: the API is read-only"));
          } else if (path.equals(IssueFeed.PATH)) {
            sendText(
                exchange,
                200,
                "application/atom+xml; charset=utf-8",
                feed.atom(publicBase(exchange)));
          } else {
            sendJson(exchange, api.get(path, Forms.parse(exchange.getRequestURI().getRawQuery())));
          }
          return;
        }
        if ("POST".equals(method)) {
          post(exchange, path);
        } else if ("GET".equals(method) || "HEAD".equals(method)) {
          get(exchange, path);
        } else {
          exchange.getResponseHeaders().add("Allow", "GET, HEAD, POST");
          send(exchange, 405, pages.error(405, method + " is not served here"));
        }
      } catch (Requests.BadRequest e) {
        answerError(exchange, path, 400, e.getMessage());
      } catch (TooLarge e) {
        answerError(exchange, path, 413, e.getMessage());
      } catch (IllegalArgumentException e) {
        // The materializer's own refusals: no article in the week, no numbering anchor.
        answerError(exchange, path, 409, e.getMessage());
      } catch (OpenSearchException e) {
        LOG.warn("{} {} failed: {}", method, path, e.getMessage());
        String message =
            "index_not_found_exception".equals(e.error().type())
                ? "Nothing indexed yet: " + e.getMessage()
                : "OpenSearch refused: " + e.getMessage();
        answerError(exchange, path, 503, message);
      } catch (IOException | RuntimeException e) {
        LOG.warn("{} {} failed", method, path, e);
        answerError(exchange, path, 503, "OpenSearch is not answering: " + e.getMessage());
      }
    } finally {
      ACCESS.info(
          "{} {} {} {} {} {}ms",
          exchange.getRemoteAddress() == null
              ? "-"
              : exchange.getRemoteAddress().getAddress().getHostAddress(),
          caller[0],
          exchange.getRequestMethod(),
          abbreviated(exchange.getRequestURI().getRawPath()),
          exchange.getResponseCode(),
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  private void answerError(HttpExchange exchange, String path, int status, String message)
      throws IOException {
    if (path.startsWith(IssueApi.PREFIX)) {
      sendJson(exchange, IssueApi.problem(status, message));
    } else {
      send(exchange, status, pages.error(status, message));
    }
  }

  private void refuseWithoutLogin(HttpExchange exchange, String path) throws IOException {
    if (path.startsWith(IssueApi.PREFIX) || path.equals(IssueFeed.PATH)) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"healthwatch\"");
      sendJson(exchange, IssueApi.problem(401, "log in, or send Authorization: Bearer TOKEN"));
    } else if ("GET".equals(exchange.getRequestMethod())) {
      String next = exchange.getRequestURI().getRawPath();
      redirect(exchange, "/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
    } else {
      send(exchange, 401, pages.error(401, "log in first"));
    }
  }

  private void loginOrLogout(HttpExchange exchange, String method, String path) throws IOException {
    if (path.equals("/logout")) {
      if (!"POST".equals(method) || !sameOrigin(exchange)) {
        send(exchange, 405, pages.error(405, "log out with the button of these pages"));
        return;
      }
      exchange.getResponseHeaders().add("Set-Cookie", access.logout(exchange));
      redirect(exchange, access.loginRequired() ? "/login" : "/");
      return;
    }
    if ("GET".equals(method) || "HEAD".equals(method)) {
      String next = Forms.parse(exchange.getRequestURI().getRawQuery()).getOrDefault("next", "/");
      send(exchange, 200, pages.login(localPath(next), null));
      return;
    }
    if (!"POST".equals(method)) {
      exchange.getResponseHeaders().add("Allow", "GET, HEAD, POST");
      send(exchange, 405, pages.error(405, method + " is not served here"));
      return;
    }
    if (!sameOrigin(exchange)) {
      send(exchange, 403, pages.error(403, "a form from another site cannot log in here"));
      return;
    }
    Map<String, String> form = Forms.parse(body(exchange));
    String next = localPath(form.getOrDefault("next", "/"));
    var remote = exchange.getRemoteAddress().getAddress().getHostAddress();
    var result = access.login(form.get("password"), remote);
    if (result.setCookie() == null) {
      LOG.warn("failed editor login from {}: {}", remote, result.refusal());
      send(exchange, result.throttled() ? 429 : 401, pages.login(next, result.refusal()));
      return;
    }
    LOG.info("editor logged in from {}", remote);
    exchange.getResponseHeaders().add("Set-Cookie", result.setCookie());
    redirect(exchange, next);
  }

  /** Where a login may lead: a path of these pages, never another site. */
  private static String localPath(String next) {
    return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
        ? next
        : "/";
  }

  /** The pages' address for absolute links: the configured public one, else as requested. */
  private URI publicBase(HttpExchange exchange) {
    if (!settings.publicUrl().isBlank()) {
      return URI.create(
          settings.publicUrl().endsWith("/") ? settings.publicUrl() : settings.publicUrl() + "/");
    }
    return URI.create("http://" + exchange.getRequestHeaders().getFirst("Host") + "/");
  }

  /** The request's form, refused when larger than configured. */
  private String body(HttpExchange exchange) throws IOException {
    int max = settings.maxRequestBytes();
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > max) {
          throw new TooLarge(max);
        }
      } catch (NumberFormatException e) {
        throw new Requests.BadRequest("Content-Length is not a number: " + declared);
      }
    }
    byte[] read = exchange.getRequestBody().readNBytes(max + 1);
    if (read.length > max) {
      throw new TooLarge(max);
    }
    return new String(read, StandardCharsets.UTF_8);
  }

  private static String abbreviated(String path) {
    return path == null ? "-" : path.length() > 200 ? path.substring(0, 200) + "..." : path;
  }

  private static void sendJson(HttpExchange exchange, IssueApi.Answer answer) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(answer.status(), head ? -1 : answer.json().length);
    if (!head) {
      exchange.getResponseBody().write(answer.json());
    }
  }

  /** A request body over the limit, answered 413. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge(int max) {
      super("the request is larger than " + max + " bytes (server.maxRequestBytes)");
    }
  }

  private void get(HttpExchange exchange, String path) throws IOException {
    if (path.equals("/")) {
      send(exchange, 200, archivePage());
      return;
    }
    if (path.equals("/search")) {
      send(exchange, 200, searchPage(Forms.parse(exchange.getRequestURI().getRawQuery())));
      return;
    }
    Matcher issue = ISSUE.matcher(path);
    if (issue.matches()) {
      LocalDate windowEnd = Requests.date(issue.group(1));
      var found = archive.issue(windowEnd);
      if (found.isEmpty()) {
        send(exchange, 404, pages.error(404, "no issue for the week ending " + windowEnd));
      } else {
        send(exchange, 200, pages.issue(found.get().html()));
      }
      return;
    }
    Matcher week = WEEK.matcher(path);
    if (week.matches() && week.group(2) == null) {
      send(exchange, 200, weekPage(Requests.date(week.group(1))));
      return;
    }
    send(exchange, 404, pages.error(404, "no page at " + path));
  }

  private void post(HttpExchange exchange, String path) throws IOException {
    if (!sameOrigin(exchange)) {
      send(exchange, 403, pages.error(403, "a form from another site cannot change issues"));
      return;
    }
    Matcher week = WEEK.matcher(path);
    if (!week.matches() || week.group(2) == null) {
      send(exchange, 404, pages.error(404, "nothing to post to at " + path));
      return;
    }
    LocalDate windowEnd = Requests.date(week.group(1));
    Map<String, String> form = Forms.parse(body(exchange));
    if (week.group(2).equals("/publish")) {
      var result = materializer.materialize(windowEnd, outputDir);
      LOG.info(
          "editor published issue {} for the week ending {}", result.issue().number(), windowEnd);
      redirect(exchange, "/issues/" + windowEnd);
      return;
    }
    String id = form.getOrDefault("id", "").strip();
    if (id.isEmpty()) {
      throw new Requests.BadRequest("the form names no article (field id)");
    }
    String action = form.getOrDefault("action", "");
    switch (action) {
      case "pin" -> overrides.set(windowEnd, id, EditorOverrides.Action.PIN, "web");
      case "exclude" -> overrides.set(windowEnd, id, EditorOverrides.Action.EXCLUDE, "web");
      case "clear" -> overrides.clear(windowEnd, id);
      default ->
          throw new Requests.BadRequest(
              "action must be pin, exclude or clear, not '" + action + "'");
    }
    LOG.info("editor chose {} for article {} in the week ending {}", action, id, windowEnd);
    redirect(exchange, "/weeks/" + windowEnd);
  }

  private String archivePage() throws IOException {
    List<IssueStore.Entry> entries = archive.entries();
    Map<LocalDate, IssueStore.Entry> byWeek =
        entries.stream()
            .collect(Collectors.toMap(IssueStore.Entry::windowEnd, e -> e, (a, b) -> a));
    var weeks = new ArrayList<EditorPages.Week>();
    for (LocalDate end : materializer.windowsWithCandidates()) {
      weeks.add(new EditorPages.Week(end, java.util.Optional.ofNullable(byWeek.get(end))));
    }
    weeks.sort(Comparator.comparing(EditorPages.Week::windowEnd).reversed());
    return pages.archive(entries, weeks);
  }

  private String searchPage(Map<String, String> query) throws IOException {
    var request = Requests.search(query, HITS_SHOWN);
    var form =
        new EditorPages.SearchForm(
            request.text(),
            request.source(),
            request.entity(),
            request.topic(),
            request.from(),
            request.to());
    return pages.search(form, search.facets(), search.search(request));
  }

  private String weekPage(LocalDate windowEnd) throws IOException {
    List<ArticleDocument> ranked = candidates.ranked(windowEnd, CANDIDATES_SHOWN);
    var choices = overrides.choices(windowEnd);
    var selected =
        materializer.selection(windowEnd, choices).stream()
            .map(ArticleDocument::id)
            .collect(Collectors.toSet());
    var publishedAs = archive.issue(windowEnd).map(WeeklyIssue::numberText);
    return pages.week(windowEnd, publishedAs, ranked, selected, choices, issues.articles());
  }

  /**
   * A browser names the page a form came from; a form on another site must not pin or publish here
   * (the pages are meant for a trusted network, but a browser visits other sites too).
   */
  private static boolean sameOrigin(HttpExchange exchange) {
    String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return false;
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    String host = exchange.getRequestHeaders().getFirst("Host");
    return origin == null
        || origin.equals("null")
        || (host != null && origin.endsWith("//" + host));
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(303, -1);
  }

  private static void send(HttpExchange exchange, int status, String html) throws IOException {
    EditorPages.securityHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    sendText(exchange, status, "text/html; charset=utf-8", html);
  }

  private static void sendText(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      exchange.getResponseBody().write(body);
    }
  }
}
