package io.healthwatch.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.healthwatch.crawler.fetch.PageDecoder;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoCorpus.Article;
import io.healthwatch.devstack.sites.DemoSites;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every page of the demo sites, in every layout and charset, gives back what it was made from. */
class DemoPagesExtractionTest {
  private static final DemoCorpus CORPUS = DemoCorpus.load();
  private final ArticleExtractor extractor = new ArticleExtractor(ZoneId.of("Asia/Shanghai"));

  static Stream<Article> articles() {
    return CORPUS.articles().stream().filter(a -> !a.paragraphs().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void extractsTitleTimeSourceLinkAndEveryParagraph(Article article) {
    byte[] bytes = DemoSites.articlePage(CORPUS, article);
    var page =
        Jsoup.parse(PageDecoder.decode(bytes, null), "http://127.0.0.1:1" + article.localPath());

    Extraction extraction = extractor.extract(page);

    assertEquals(article.title(), extraction.title());
    assertEquals(article.link(), extraction.canonicalUrl());
    assertEquals(article.date().toLocalDate(), extraction.publishedAt().toLocalDate());
    if (!extraction.publishedAt().toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      // Pages that show a time must yield that time (e-paper pages show the day only).
      assertEquals(article.date().toInstant(), extraction.publishedAt().toInstant());
    }
    // E-paper pages print the paper's name without a 来源 label: the crawler then uses the
    // source's configured name.
    String layout =
        CORPUS.outlets().stream()
            .filter(o -> o.id().equals(article.outlet()))
            .findFirst()
            .orElseThrow()
            .layout();
    assertEquals(layout.equals("epaper") ? null : article.source(), extraction.source());
    assertEquals(String.join("\n\n", article.paragraphs()), extraction.body());
  }

  @Test
  void brokenPageYieldsNoArticle() {
    Article broken =
        CORPUS.articles().stream().filter(a -> a.kind().equals("broken")).findFirst().orElseThrow();
    var page =
        Jsoup.parse(PageDecoder.decode(DemoSites.articlePage(CORPUS, broken), null), "http://x/");
    Extraction extraction = extractor.extract(page);
    assertNull(extraction.body());
  }
}
