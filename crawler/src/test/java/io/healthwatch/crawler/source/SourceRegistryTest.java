package io.healthwatch.crawler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRegistryTest {
  @TempDir Path dir;

  private SourceRegistry load(String yaml) throws Exception {
    Path file = dir.resolve("sources.yml");
    Files.writeString(file, yaml);
    return SourceRegistry.load(file);
  }

  /** The one-line reason a registry is refused with. */
  private String refusal(String yaml) {
    return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
  }

  @Test
  void validRegistryLoads() throws Exception {
    var registry =
        load(
            """
        sources:
          - id: xinhua
            name: 新华网
            kind: atom
            entryUrls: ["http://www.xinhuanet.com/health/atom.xml"]
          - id: ynet
            name: 北京青年报
            kind: html-list
            entryUrls: ["https://epaper.ynet.com/html/index.htm"]
            linkSelector: "ul.news-list a"
            include: ["epaper\\\\.ynet\\\\.com/html/content_\\\\d+\\\\.htm"]
            exclude: ["epaper\\\\.ynet\\\\.com/html/content_0+\\\\.htm"]
        """);
    assertEquals(2, registry.sources().size());
    assertEquals(SourceKind.HTML_LIST, registry.sources().get(1).kind());
    var links = registry.sources().get(1).articleLinks();
    assertTrue(links.accepts("https://epaper.ynet.com/html/content_439850.htm"));
    assertTrue(
        links.accepts("https://epaper.ynet.com/html/content_439850.htm?div=-1"),
        "a kept query does not break a pattern written for the path");
    assertFalse(
        links.accepts("https://epaper.other.com/html/content_439850.htm"), "tied to its host");
    assertFalse(
        links.accepts("https://epaper.ynet.com/html/content_439850.html"), "anchored at the end");
    assertFalse(links.accepts("https://epaper.ynet.com/html/content_000.htm"), "excluded");
    assertTrue(registry.sources().get(0).articleLinks().accepts("https://any.cn/x"));
  }

  @Test
  void theOldWholeUrlPatternKeyIsRefusedWithWhatReplacedIt() {
    String error =
        refusal(
            """
        sources:
          - {id: a, name: A, kind: html-list, entryUrls: ["http://a.cn/"], articleUrlPattern: "x$"}
        """);
    assertTrue(error.contains("replaced by include") && error.contains("line 2"), error);
  }

  @Test
  void patternsMustStartWithTheHostAndJsonSourcesSayWhereTheLinksAre() {
    String unanchored =
        refusal(
            """
        sources:
          - {id: a, name: A, kind: html-list, entryUrls: ["http://a.cn/"], include: ["/news/.*"]}
        """);
    assertTrue(unanchored.contains("sources[a].include"), unanchored);
    assertTrue(unanchored.contains("starts with the host"), unanchored);
    String json =
        refusal(
            """
        sources:
          - {id: a, name: A, kind: json, entryUrls: ["http://a.cn/list.jsonp"]}
        """);
    assertTrue(json.contains("sources[a].json.url"), json);
  }

  @Test
  void unknownKindNamesTheLine() {
    String error =
        refusal(
            """
        sources:
          - id: a
            name: A
            kind: podcast
            entryUrls: ["http://a.cn/"]
        """);
    assertTrue(error.contains("line 4"), error);
    assertTrue(error.contains("podcast"), error);
  }

  @Test
  void relativeEntryUrlIsRefusedWithTheSourceId() {
    String error =
        refusal(
            """
        sources:
          - id: gmw
            name: 光明网
            kind: rss
            entryUrls: ["/rss.xml"]
        """);
    assertTrue(error.contains("sources[gmw].entryUrls"), error);
  }

  @Test
  void badOverridesAreRefusedWithTheirKey() {
    String selector =
        refusal(
            """
        sources:
          - id: a
            name: A
            kind: rss
            entryUrls: ["http://a.cn/rss.xml"]
            selectors: {body: "div[[["}
        """);
    assertTrue(selector.contains("sources[a].selectors.body"), selector);
    String charset =
        refusal(
            """
        sources:
          - {id: b, name: B, kind: rss, entryUrls: ["http://b.cn/rss.xml"], charset: klingon}
        """);
    assertTrue(charset.contains("sources[b].charset"), charset);
  }

  @Test
  void duplicateIdsAreRefused() {
    String error =
        refusal(
            """
        sources:
          - {id: a, name: A, kind: rss, entryUrls: ["http://a.cn/1"]}
          - {id: a, name: B, kind: rss, entryUrls: ["http://a.cn/2"]}
        """);
    assertTrue(error.contains("an id no other source has"), error);
  }

  @Test
  void shippedRegistryCoversTheReportsOutletsAndAcceptsTheirArticleLinks() {
    var registry = SourceRegistry.load(Path.of("..", "config", "sources.yml"));
    assertTrue(registry.sources().size() >= 15, registry.sources().size() + " sources");
    var byName = new java.util.HashMap<String, Source>();
    registry.sources().forEach(source -> byName.put(source.name(), source));
    for (String outlet :
        List.of(
            "新华网", "光明网", "中国新闻网", "人民网", "云南网", "北京青年报", "中国科技网", "温州新闻网", "国家卫生健康委", "国家医保局")) {
      assertTrue(byName.containsKey(outlet), "missing " + outlet);
    }
    // The links the seed reports cite must pass their outlet's article pattern.
    var seeds =
        java.util.Map.of(
            "新华网", "http://www.xinhuanet.com/20240515/22eed04e099444d2b55475da31c1da5d/c.html",
            "光明网", "https://tech.gmw.cn/xinxi/2024-05/20/content_37332763.htm",
            "云南网", "https://m.yunnan.cn/system/2024/05/14/033052297.shtml",
            "中国科技网",
                "http://stdaily.com/index/kejixinwen/202405/460433c08ede472b876a97f4483a074e.shtml",
            "温州新闻网", "https://news.66wz.com/system/2024/05/20/105636068.shtml",
            "北京青年报", "https://epaper.ynet.com/html/2025-06/25/content_439850.htm?div=-1");
    seeds.forEach((outlet, link) -> assertAccepts(byName.get(outlet), link));
    // Current article URLs that public projects cite (the sites' layouts as of 2024-2026).
    var current =
        java.util.Map.of(
            "http://www.stdaily.com/web/gdxw/2025-09/28/content_409317.html", "中国科技网",
            "https://www.stdaily.com/web/2026-08/13/content_563076.html", "中国科技网",
            "http://www.natcm.gov.cn/bangongshi/gongzuodongtai/2024-07-31/34579.html", "国家中医药管理局",
            "https://www.nda.gov.cn/sjj/ywpd/sjzy/0121/20260121135536476611581_pc.html", "国家数据局",
            "https://www.cn-healthcare.com/article/20200326/content-533379.html", "健康界",
            "https://www.cn-healthcare.com/articlewm/20240514/wap-content-1234567.html", "健康界",
            "https://news.cctv.com/2024/05/14/ARTIabcDEF123.shtml", "央视网");
    current.forEach((link, outlet) -> assertAccepts(byName.get(outlet), link));
    // Two outlets on one CMS layout: each pattern is tied to its own host.
    assertFalse(
        byName
            .get("温州新闻网")
            .articleLinks()
            .accepts("https://m.yunnan.cn/system/2024/05/14/033052297.shtml"));
    assertFalse(
        byName
            .get("云南网")
            .articleLinks()
            .accepts("https://news.66wz.com/system/2024/05/20/105636068.shtml"));
    // The e-paper's other page layouts are read as list pages.
    assertTrue(
        byName
            .get("北京青年报")
            .followedLists()
            .accepts("https://epaper.ynet.com/html/2025-06/25/node_2.htm"));
    assertTrue(byName.get("国家卫生健康委").needsBrowser() != null);
  }

  private static void assertAccepts(Source source, String link) {
    var canonical = UrlCanonicalizer.canonicalize(link).orElseThrow();
    assertTrue(
        source.articleLinks().accepts(canonical), source.name() + " pattern refuses " + link);
  }
}
