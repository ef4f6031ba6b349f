package io.healthwatch.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Pages that list several posts alike, and articles that merely look alike inside. */
class PostListingTest {
  private final ArticleExtractor extractor = new ArticleExtractor(ZoneId.of("Asia/Shanghai"));

  private static String post(String title, String date, String text) {
    return "<div class='post'><div class='post-title'>"
        + title
        + "</div><div class='post-date'>"
        + date
        + "</div><div class='post-body'><p>"
        + text
        + "</p></div><div class='post-foot'>发表评论</div></div>";
  }

  private static String sentences(String topic, int count) {
    return (topic + "的试点工作按计划推进，各方面反映良好，后续还将扩大范围，并总结经验加以推广。").repeat(count);
  }

  @Test
  void aBlogFrontPageGivesItsNewestPostNotItsLongest() {
    String html =
        "<html><body><h1>某某的博客</h1>"
            + post("最新一篇", "2005-06-14 03:25:55", sentences("互联网医院", 4))
            + post("较早一篇", "2005-06-10 05:53:20", sentences("电子病历", 12))
            + post("更早一篇", "2005-06-08 11:00:00", sentences("分级诊疗", 3))
            + "</body></html>";

    Extraction extraction = extractor.extract(Jsoup.parse(html));

    assertTrue(extraction.body().contains("互联网医院的试点工作"), extraction.body());
    assertFalse(extraction.body().contains("电子病历"), extraction.body());
    assertFalse(extraction.body().contains("分级诊疗"), extraction.body());
    assertEquals(LocalDate.of(2005, 6, 14), extraction.publishedAt().toLocalDate());
  }

  @Test
  void anArticleSplitIntoBlocksOfOneClassKeepsThemAll() {
    String block = "<div class='article-text'><p>%s</p></div>";
    String html =
        "<html><body><h1>标题</h1><div class='meta'>2024-05-14 10:23 来源：新华网</div>"
            + "<div class='story'>"
            + block.formatted(sentences("医保码", 3))
            + "<div class='ad-slot'>广告</div>"
            + block.formatted(sentences("检查检验结果互认", 3))
            + "</div></body></html>";

    Extraction extraction = extractor.extract(Jsoup.parse(html));

    assertTrue(extraction.body().startsWith("医保码"), extraction.body());
    assertTrue(extraction.body().contains("检查检验结果互认"), extraction.body());
  }
}
