package io.healthwatch.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.CrawlState.Status;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.testkit.FixtureSite;
import io.healthwatch.testkit.FixtureSite.Answer;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The URL policy over real HTTP and a real broker: a feed on one loopback site links to a second
 * loopback site directly and through a redirect. The crawler refuses both unless the source allows
 * private addresses; the site the operator configured is fetched either way. Two spellings of one
 * address (percent-encoded in lower case, and plain Chinese) are one URL and one article. A source
 * marked as needing a browser is not read at all.
 */
class UrlPolicyIT {
  private static final String PLAIN = "/新闻/医保码.html?q=医保";
  private static final String ENCODED =
      "/%e6%96%b0%e9%97%bb/%e5%8c%bb%e4%bf%9d%e7%a0%81.html?q=%e5%8c%bb%e4%bf%9d";
  private static final String CANONICAL =
      "/%E6%96%B0%E9%97%BB/%E5%8C%BB%E4%BF%9D%E7%A0%81.html?q=%E5%8C%BB%E4%BF%9D";

  @TempDir Path dir;

  @Test
  void linksAndRedirectsToAnotherPrivateAddressAreRefusedUnlessTheSourceAllowsThem()
      throws Exception {
    try (var configured = FixtureSite.start();
        var other = FixtureSite.start()) {
      other
          .page("/elsewhere.html", Answer.html(FixtureSite.article("另一个站点的文章", "内网内容。")))
          .page("/landing.html", Answer.html(FixtureSite.article("跳转之后的文章", "跳转内容。")));
      configured
          .page(CANONICAL, Answer.html(FixtureSite.article("医保码全场景应用", "同一篇文章。")))
          .page("/hop.html", Answer.redirect(302, other.url("/landing.html")))
          .feed("/rss.xml", List.of(PLAIN, ENCODED, "/hop.html", other.url("/elsewhere.html")));

      var refused = crawl(configured, "allowPrivateAddresses: false");
      assertEquals(1, refused.articles().size(), "only the configured site's article");
      DiscoveredArticle article = refused.articles().get(0);
      assertEquals(configured.url(CANONICAL), article.canonicalUrl());
      assertEquals(1, configured.requests(CANONICAL), "both spellings fetched once");
      for (String url : List.of(other.url("/elsewhere.html"), other.url("/landing.html"))) {
        CrawlState state = refused.states().get(url);
        assertEquals(Status.ERROR, state.status(), url);
        assertEquals(ReasonCode.ADDRESS_REFUSED, state.reason(), url);
        assertTrue(state.message().contains("loopback"), state.message());
        assertTrue(
            refused.deadLetters().contains(url), "dead-lettered, replayable once allowed: " + url);
      }
      assertEquals(Status.REDIRECTED, refused.states().get(configured.url("/hop.html")).status());
      assertEquals(0, other.requests("/elsewhere.html") + other.requests("/landing.html"));
      assertEquals(0, other.requests("/robots.txt"), "not even robots.txt is asked for");

      var allowed = crawl(configured, "allowPrivateAddresses: true");
      assertEquals(
          List.of("医保码全场景应用", "另一个站点的文章", "跳转之后的文章").stream().sorted().toList(),
          allowed.articles().stream().map(DiscoveredArticle::title).sorted().toList());
      assertEquals(1, other.requests("/elsewhere.html"));
      assertEquals(1, other.requests("/landing.html"));
    }
  }

  record Run(
      List<DiscoveredArticle> articles, Map<String, CrawlState> states, List<String> deadLetters) {}

  @Test
  void aSourceThatNeedsABrowserIsSkippedNotReadAsEmpty() throws Exception {
    try (var site = FixtureSite.start()) {
      site.page("/a.html", Answer.html(FixtureSite.article("文章", "内容。")))
          .feed("/rss.xml", List.of("/a.html"));
      var run = crawl(site, "needsBrowser: \"a script challenge\"");
      assertEquals(List.of(), run.articles());
      assertEquals(0, site.requests("/rss.xml") + site.requests("/robots.txt"));
      assertTrue(run.states().isEmpty(), "no state: its entry page was never scheduled");
    }
  }

  private Run crawl(FixtureSite site, String sourceSetting) throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("urlpolicy-it");
    Path sources =
        Files.writeString(
            Files.createTempFile(dir, "sources", ".yml"),
            "sources:\n  - id: fixture\n    name: 测试网\n    kind: rss\n    entryUrls: [\""
                + site.url("/rss.xml")
                + "\"]\n    "
                + sourceSetting
                + "\n");
    var config =
        TestConfigs.crawler(
            "namespace",
            ns,
            "kafka.bootstrapServers",
            endpoints.kafkaBootstrap(),
            "ops.port",
            "-1",
            "fetch.perHostDelayMillis",
            "10");
    try (var run = RunningCrawler.start(config, SourceRegistry.load(sources), dir, true)) {
      assertTrue(run.awaitEnd(Duration.ofSeconds(60)), "a single pass ends by itself");
    }
    var kafka = config.kafka();
    return new Run(
        RunningCrawler.articles(kafka, ns),
        RunningCrawler.states(kafka, ns),
        RunningCrawler.deadLetters(kafka, ns).stream().map(l -> l.url()).toList());
  }
}
