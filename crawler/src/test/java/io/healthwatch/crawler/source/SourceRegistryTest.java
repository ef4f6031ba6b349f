package io.healthwatch.crawler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.ConfigException;
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
            articleUrlPattern: "content_\\\\d+\\\\.htm"
        """);
    assertEquals(2, registry.sources().size());
    assertEquals(SourceKind.HTML_LIST, registry.sources().get(1).kind());
    assertTrue(
        registry
            .sources()
            .get(1)
            .acceptsArticleUrl("https://epaper.ynet.com/html/content_439850.htm"));
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
    seeds.forEach(
        (outlet, link) ->
            assertTrue(
                byName.get(outlet).acceptsArticleUrl(link), outlet + " pattern refuses " + link));
  }
}
