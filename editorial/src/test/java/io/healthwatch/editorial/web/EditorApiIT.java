package io.healthwatch.editorial.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.rometools.rome.io.SyndFeedInput;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.editorial.issue.IssueMaterializer;
import io.healthwatch.editorial.issue.TestIssueSettings;
import io.healthwatch.indexer.TestArticles;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API, the Atom feed and the login over real HTTP against the real node: every answer is
 * checked against the service's own OpenAPI description.
 */
class EditorApiIT {
  private static final LocalDate WEEK = LocalDate.of(2024, 5, 17);
  private static final String PASSWORD = "correct horse battery staple";
  private static final String TOKEN = "a".repeat(64);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private TestArticles.Node node;
  private EditorServer server;

  @BeforeEach
  void publishAWeek() throws Exception {
    node = TestIssueSettings.freshNamespace("api-it");
    TestArticles.index(
        node.client(),
        node.namespace(),
        List.of(
            article("https://news.example/a", "新华网", "支付宝上线医保码", "2024-05-13T09:00:00+08:00", 0.95),
            article("https://news.example/b", "人民网", "检查结果互认提速", "2024-05-14T09:00:00+08:00", 0.9),
            article(
                "https://news.example/c", "光明网", "互联网医院试点扩大", "2024-05-15T09:00:00+08:00", 0.85)));
    new IssueMaterializer(
            node.client(),
            node.namespace(),
            TestIssueSettings.withArticles(3),
            WeeklyCalendar.REPORTS)
        .materialize(WEEK, dir);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void downstreamSystemsReadIssuesAndSearchAsTheDescriptionSays() throws Exception {
    server = start(Map.of());
    var issues = get("/api/v1/issues", null);
    assertEquals(200, issues.statusCode());
    assertEquals("application/json", issues.headers().firstValue("Content-Type").orElse(""));
    JsonNode list = conforms(issues, "/api/v1/issues");
    assertEquals(1, list.get("issues").size());
    assertEquals(575, list.get("issues").get(0).get("number").asInt());
    assertEquals(3, list.get("issues").get(0).get("articleCount").asInt());

    var one = get(list.get("issues").get(0).get("self").asText(), null);
    JsonNode issue = conforms(one, "/api/v1/issues/{windowEnd}");
    assertEquals("第五七五期", issue.get("numberText").asText());
    assertEquals("2024-05-11", issue.get("windowStart").asText());
    assertEquals(
        List.of("支付宝上线医保码", "检查结果互认提速", "互联网医院试点扩大"),
        Json.mapper().convertValue(issue.findValues("title").subList(1, 4), List.class).stream()
            .map(Object::toString)
            .toList());
    assertTrue(issue.get("markdown").asText().contains("一、信息目录"));

    var found = get("/api/v1/articles?q=%E5%8C%BB%E4%BF%9D%E7%A0%81&size=5", null);
    JsonNode hits = conforms(found, "/api/v1/articles");
    assertEquals(1, hits.get("total").asLong());
    assertEquals("新华网", hits.get("articles").get(0).get("source").asText());

    var missing = get("/api/v1/issues/2024-05-10", null);
    assertEquals(404, missing.statusCode());
    assertTrue(Json.mapper().readTree(missing.body()).get("error").asText().contains("2024-05-10"));
    var badSize = get("/api/v1/articles?size=1000", null);
    assertEquals(400, badSize.statusCode());
    assertTrue(badSize.body().contains("size takes a whole number from 1 to 100"), badSize.body());
    var badDate = get("/api/v1/articles?from=yesterday", null);
    assertEquals(400, badDate.statusCode());
    var write =
        HTTP.send(
            HttpRequest.newBuilder(server.address().resolve("/api/v1/issues"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, write.statusCode());

    var feed = get("/issues.atom", null);
    assertEquals(200, feed.statusCode());
    var parsed = new SyndFeedInput().build(new StringReader(feed.body()));
    assertEquals("atom_1.0", parsed.getFeedType());
    assertEquals(1, parsed.getEntries().size());
    var entry = parsed.getEntries().get(0);
    assertTrue(entry.getTitle().startsWith("第五七五期 (2024-05-11"), entry.getTitle());
    assertEquals(server.address().resolve("/issues/2024-05-17").toString(), entry.getLink());
    assertTrue(entry.getDescription().getValue().contains("支付宝上线医保码（新华网）"));
  }

  @Test
  void withALoginNothingButTheDescriptionIsReadWithoutIt() throws Exception {
    Path config = dir.resolve("editorial.yml");
    Files.writeString(
        config,
        "server:\n  login:\n    passwordHash: \""
            + PasswordHash.of(PASSWORD.toCharArray())
            + "\"\n    tokens: [\""
            + PasswordHash.tokenDigest(TOKEN)
            + "\"]\n",
        StandardCharsets.UTF_8);
    server = start(config, Map.of());

    assertEquals(401, get("/api/v1/issues", null).statusCode());
    assertEquals(401, get("/api/v1/issues", "b".repeat(64)).statusCode(), "an unknown token");
    assertEquals(401, get("/issues.atom", null).statusCode());
    conforms(get("/api/v1/issues", TOKEN), "/api/v1/issues");
    assertEquals(200, get("/api/v1/openapi.json", null).statusCode(), "the description is open");
    var page = get("/weeks/2024-05-17", null);
    assertEquals(303, page.statusCode());
    assertEquals("/login?next=%2Fweeks%2F2024-05-17", page.headers().firstValue("Location").get());

    var wrong = login("not the password", "/");
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("wrong password"));
    var right = login(PASSWORD, "/weeks/2024-05-17");
    assertEquals(303, right.statusCode());
    assertEquals("/weeks/2024-05-17", right.headers().firstValue("Location").get());
    String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    var offsite = login(PASSWORD, "//evil.example/");
    assertEquals("/", offsite.headers().firstValue("Location").get(), "a login never leads away");

    String session = cookie.substring(0, cookie.indexOf(';'));
    var week =
        HTTP.send(
            HttpRequest.newBuilder(server.address().resolve("/weeks/2024-05-17"))
                .header("Cookie", session)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, week.statusCode());
    assertTrue(week.body().contains("支付宝上线医保码"));
  }

  @Test
  void otherHostNamesLargeFormsAndAnOpenWildcardAreRefused() throws Exception {
    server = start(Map.of("server.maxRequestBytes", "2048"));
    var address = server.address();
    assertTrue(
        raw(address, "GET / HTTP/1.1\r\nHost: rebound.evil.example\r\n\r\n")
            .startsWith("HTTP/1.1 421"));
    assertTrue(
        raw(address, "GET / HTTP/1.1\r\nHost: localhost:" + address.getPort() + "\r\n\r\n")
            .startsWith("HTTP/1.1 200"));
    var big =
        HTTP.send(
            HttpRequest.newBuilder(address.resolve("/weeks/2024-05-17/choices"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=" + "x".repeat(5000) + "&action=pin"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, big.statusCode());

    var open =
        assertThrows(
            ConfigException.class,
            () -> start(Map.of("server.host", "0.0.0.0")),
            "beyond loopback without a login");
    assertTrue(open.getMessage().contains("server.login.passwordHash"), open.getMessage());
  }

  private EditorServer start(Map<String, String> keys) throws Exception {
    return start(null, keys);
  }

  private EditorServer start(Path file, Map<String, String> keys) throws Exception {
    var all = new java.util.HashMap<String, String>(keys);
    all.put("namespace", node.namespace());
    EditorialConfig config = EditorialConfig.load(file, Map.of(), all);
    return EditorServer.start(
        new InetSocketAddress(config.server().host(), 0), node.client(), config, dir);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    var request = HttpRequest.newBuilder(server.address().resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> login(String password, String next) throws Exception {
    String form =
        "password="
            + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&next="
            + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8);
    return HTTP.send(
        HttpRequest.newBuilder(server.address().resolve("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The answer's JSON, failing unless it is what the description says for the path's GET 200. */
  private static JsonNode conforms(HttpResponse<String> response, String path) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    ObjectNode description = IssueApi.descriptionTree();
    String pointer =
        "#/paths/"
            + path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D")
            + "/get/responses/200/content/application~1json/schema";
    description.put("$ref", pointer);
    var schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(description);
    JsonNode body = Json.mapper().readTree(response.body());
    var errors = schema.validate(body);
    assertTrue(errors.isEmpty(), path + ": " + errors + " in " + response.body());
    return body;
  }

  private static String raw(URI address, String request) throws Exception {
    try (var socket = new Socket(address.getHost(), address.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      byte[] head = new byte[64];
      int n = socket.getInputStream().read(head);
      return new String(head, 0, Math.max(n, 0), StandardCharsets.US_ASCII);
    }
  }

  private static io.healthwatch.contracts.message.TaggedArticle article(
      String url, String source, String title, String at, double relevance) {
    return TestArticles.article(
        url, source, title, title + "的正文。", at, ArticleStatus.PRIMARY, relevance, List.of());
  }
}
