package io.healthwatch.crawler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRegistryTest {
  @TempDir Path dir;

  private SourceRegistry load(String yaml) throws Exception {
    Path file = dir.resolve("sources.yml");
    Files.writeString(file, yaml);
    return SourceRegistry.load(file);
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
    var error =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    """
        sources:
          - id: a
            name: A
            kind: podcast
            entryUrls: ["http://a.cn/"]
        """));
    assertTrue(error.getMessage().contains("line 4"), error.getMessage());
    assertTrue(error.getMessage().contains("podcast"), error.getMessage());
  }

  @Test
  void relativeEntryUrlIsRefusedWithTheSourceId() {
    var error =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    """
        sources:
          - id: gmw
            name: 光明网
            kind: rss
            entryUrls: ["/rss.xml"]
        """));
    assertTrue(error.getMessage().contains("sources[gmw].entryUrls"), error.getMessage());
  }

  @Test
  void duplicateIdsAreRefused() {
    var error =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    """
        sources:
          - {id: a, name: A, kind: rss, entryUrls: ["http://a.cn/1"]}
          - {id: a, name: B, kind: rss, entryUrls: ["http://a.cn/2"]}
        """));
    assertTrue(error.getMessage().contains("an id no other source has"), error.getMessage());
  }
}
