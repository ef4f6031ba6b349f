package io.healthwatch.editorial.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.editorial.issue.EditorOverrides;
import io.healthwatch.editorial.issue.TestIssueSettings;
import io.healthwatch.indexer.TestArticles;
import io.healthwatch.testkit.HeadlessChromium;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' pages on the real node, used in a real browser: open the archive, search, pin an
 * article that relevance alone leaves out, publish, and find it in the issue. Screenshots of each
 * page are kept in target/screenshots/. The browser part is skipped, saying so, without Chromium;
 * the HTTP rules are checked either way.
 */
class EditorServerIT {
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final LocalDate WEEK = LocalDate.of(2024, 5, 17);
  private static final String LOW = "http://news.example/low-ranked-smart-ward";

  @TempDir Path out;
  private TestArticles.Node node;
  private EditorServer server;

  @BeforeEach
  void start() throws Exception {
    node = TestIssueSettings.freshNamespace("editor-it");
    TestArticles.index(
        node.client(),
        node.namespace(),
        List.of(
            article(
                "http://news.example/alipay", "新华网", "支付宝助力数字医疗服务提质升级", "支付宝上线医保码，群众看病更方便。", 0.95),
            article(
                "http://news.example/ai-clinic",
                "云南网",
                "“AI+医疗”落地 看病体验升级",
                "人工智能进入门诊，医生问诊更高效。",
                0.9),
            article(
                "http://news.example/records",
                "中国科技网",
                "电子病历互联互通 检查结果互认",
                "全省检查检验结果互认，患者少跑腿。",
                0.85),
            article("http://news.example/platform", "人民网", "全民健康信息平台建设提速", "全民健康信息平台让数据多跑路。", 0.8),
            article(LOW, "健康报", "智慧病房里的<护士站>", "智慧病房护士站上线物流传输系统。", 0.55)));
    server =
        EditorServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            node.client(),
            TestIssueSettings.config(Map.of("namespace", node.namespace(), "issues.articles", "3")),
            out);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static TaggedArticle article(
      String url, String source, String title, String body, double relevance) {
    return TestArticles.article(
        url,
        source,
        title,
        body,
        "2024-05-14T09:12:00+08:00",
        ArticleStatus.PRIMARY,
        relevance,
        List.of());
  }

  @Test
  void anEditorSearchesPinsAndPublishesInABrowser() throws Exception {
    Optional<Path> chromium = HeadlessChromium.executable();
    Assumptions.assumeTrue(
        chromium.isPresent(), () -> HeadlessChromium.missingBecause() + ": browser test skipped");
    String home = server.address().toString();
    try (var browser = HeadlessChromium.start(chromium.get(), 1100, 1000)) {
      browser.open(home);
      String archive = browser.text();
      assertTrue(archive.contains("2024-05-11 – 2024-05-17"), archive);
      assertTrue(archive.contains("未发布"), archive);
      browser.screenshot(SHOTS.resolve("editor-archive.png"));

      browser.type("#q", "医保码");
      browser.click("#search-button");
      String results = browser.text();
      assertTrue(results.contains("1 篇"), results);
      assertTrue(results.contains("支付宝助力数字医疗服务提质升级"), results);
      assertFalse(results.contains("全民健康信息平台建设提速"), results);
      browser.screenshot(SHOTS.resolve("editor-search.png"));

      browser.click("a[href='/weeks/" + WEEK + "']");
      String row = "tr[data-id='" + ArticleIds.forCanonicalUrl(LOW) + "']";
      assertEquals(
          "",
          browser
              .evaluate("document.querySelector(\"" + row + " .tag\")?.textContent ?? ''")
              .asText(),
          "the low-ranked article is not in the issue before the pin");
      browser.click(row + " button.pin");
      String tags = browser.evaluate("document.querySelector(\"" + row + "\").innerText").asText();
      assertTrue(tags.contains("置顶") && tags.contains("入选"), tags);
      browser.screenshot(SHOTS.resolve("editor-week.png"));

      browser.click("#publish");
      String issue = browser.text();
      assertTrue(
          browser.evaluate("location.pathname").asText().equals("/issues/" + WEEK),
          "publishing leads to the issue");
      assertTrue(issue.contains("第五七五期"), issue);
      assertTrue(issue.contains("智慧病房里的<护士站>"), "pinned article, its markup as text");
      assertTrue(issue.contains("支付宝助力数字医疗服务提质升级"), issue);
      assertFalse(issue.contains("全民健康信息平台建设提速"), "three articles: the fourth is out");
      browser.screenshot(SHOTS.resolve("editor-issue.png"));
      assertTrue(Files.size(SHOTS.resolve("editor-issue.png")) > 10_000);

      browser.open(home);
      assertTrue(browser.text().contains("已发布 第五七五期"), browser.text());
    }
  }

  @Test
  void behindALoginTheBrowserIsSentToLogInAndThenIn() throws Exception {
    Optional<Path> chromium = HeadlessChromium.executable();
    Assumptions.assumeTrue(
        chromium.isPresent(), () -> HeadlessChromium.missingBecause() + ": browser test skipped");
    String password = "editors-only passphrase";
    var config =
        TestIssueSettings.config(
            Map.of(
                "namespace",
                node.namespace(),
                "server.login.passwordHash",
                PasswordHash.of(password.toCharArray())));
    try (var guarded =
            EditorServer.start(new InetSocketAddress("127.0.0.1", 0), node.client(), config, out);
        var browser = HeadlessChromium.start(chromium.get(), 1100, 800)) {
      browser.open(guarded.address().resolve("/weeks/" + WEEK).toString());
      assertEquals(
          "/login", browser.evaluate("location.pathname").asText(), "refused without login");
      assertFalse(browser.text().contains("支付宝助力数字医疗服务提质升级"), browser.text());
      browser.type("#password", "a wrong guess");
      browser.click("#login-button");
      assertTrue(browser.text().contains("wrong password"), browser.text());
      browser.screenshot(SHOTS.resolve("editor-login.png"));
      browser.type("#password", password);
      browser.click("#login-button");
      assertEquals("/weeks/" + WEEK, browser.evaluate("location.pathname").asText());
      assertTrue(browser.text().contains("支付宝助力数字医疗服务提质升级"), browser.text());
      assertTrue(
          browser.evaluate("document.cookie").asText().isEmpty(),
          "the session cookie is HttpOnly: no script can read it");
    }
  }

  @Test
  void changesComeOnlyFromItsOwnPagesAndBadRequestsSayWhy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String article = ArticleIds.forCanonicalUrl(LOW);
    URI choices = server.address().resolve("/weeks/" + WEEK + "/choices");

    var forged = post(http, choices, "id=" + article + "&action=pin", "http://evil.example");
    assertEquals(403, forged.statusCode());
    assertEquals(
        EditorOverrides.Choices.NONE,
        new EditorOverrides(node.client(), node.namespace()).choices(WEEK),
        "a forged form changes nothing");

    var badAction = post(http, choices, "id=" + article + "&action=promote", null);
    assertEquals(400, badAction.statusCode());
    assertTrue(badAction.body().contains("pin, exclude or clear"), badAction.body());

    var pinned = post(http, choices, "id=" + article + "&action=pin", null);
    assertEquals(303, pinned.statusCode());
    assertEquals(
        java.util.Set.of(article),
        new EditorOverrides(node.client(), node.namespace()).choices(WEEK).pinned());

    assertEquals(404, status(http, "/issues/" + WEEK), "not published yet");
    assertEquals(400, status(http, "/weeks/2024-13-40"));
    assertEquals(404, status(http, "/nowhere"));
    var page =
        http.send(
            HttpRequest.newBuilder(server.address()).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(
        page.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("default-src 'none'"),
        "no script may run on the pages");
  }

  private static HttpResponse<String> post(HttpClient http, URI uri, String form, String origin)
      throws Exception {
    var request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int status(HttpClient http, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(server.address().resolve(path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
