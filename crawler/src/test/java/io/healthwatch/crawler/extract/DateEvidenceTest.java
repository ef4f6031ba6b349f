package io.healthwatch.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Where the extractor says it read a page's date, which decides whether a feed's date wins. */
class DateEvidenceTest {
  private static final String BODY =
      "<div class='article'><p>国家医保局近日发布通知，要求各地加快推进医保码全场景应用，"
          + "实现挂号、就诊、结算一码通行，进一步提升群众就医体验。</p>"
          + "<p>通知回顾，医保码自2019年3月1日在部分省份试点以来，用户已超过十亿，"
          + "覆盖全国所有统筹地区，定点医药机构接入超过九成。</p>"
          + "<p>下一步，各地将推动医保码与电子健康卡融合应用，打通医疗服务和医保支付数据。</p></div>";
  private final ArticleExtractor extractor = new ArticleExtractor(ZoneId.of("Asia/Shanghai"));

  private Extraction extract(String head, String header) {
    return extract("医保码全场景应用", head, header);
  }

  private Extraction extract(String title, String head, String header) {
    return extractor.extract(
        Jsoup.parse(
            "<html><head><title>"
                + title
                + "</title>"
                + head
                + "</head><body><h1>"
                + title
                + "</h1>"
                + header
                + BODY
                + "</body></html>",
            "http://a.cn/1.html"));
  }

  @Test
  void metadataIsMetadata() {
    var result =
        extract("<meta property='article:published_time' content='2024-05-14T10:23:00+08:00'>", "");
    assertEquals(OffsetDateTime.parse("2024-05-14T10:23+08:00"), result.publishedAt());
    assertEquals(DateEvidence.METADATA, result.dateEvidence());
  }

  @Test
  void aDatelineAboveTheBodyIsTheHeader() {
    var result = extract("", "<div class='info'>发布时间：2024-05-14 10:23 来源：新华网</div>");
    assertEquals(OffsetDateTime.parse("2024-05-14T10:23+08:00"), result.publishedAt());
    assertEquals(DateEvidence.HEADER, result.dateEvidence());
  }

  @Test
  void aDateOfSomethingTheArticleIsAboutIsNotThePagesEvenWhenLabelled() {
    var result =
        extract(
            "",
            "<h4>新华网　2024年5月14日</h4><div class='card'><span>出道日期</span>"
                + "<span>1995年9月1日</span></div><div class='card'>发行日期：2001年12月14日</div>");
    assertEquals(OffsetDateTime.parse("2024-05-14T00:00+08:00"), result.publishedAt());
    assertEquals(DateEvidence.HEADER, result.dateEvidence());
  }

  @Test
  void aHeadlineOpeningWithTheDateOfWhatItReportsIsNotTheDateline() {
    var result = extract("2015年12月21日10时43分，国家医保局发布医保码新规", "", "<h4>新华网　2024年5月14日</h4>");
    assertEquals(OffsetDateTime.parse("2024-05-14T00:00+08:00"), result.publishedAt());
    assertEquals(DateEvidence.HEADER, result.dateEvidence());
  }

  @Test
  void aPublishTimeNeverComesWithoutWhereItWasRead() {
    var at = OffsetDateTime.parse("2024-05-14T10:23+08:00");
    assertThrows(
        IllegalArgumentException.class, () -> new Extraction("t", at, null, null, null, "b", null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Extraction("t", null, DateEvidence.HEADER, null, null, "b", null));
  }

  @Test
  void aDateTheArticleQuotesIsOnlyText() {
    var result = extract("", "");
    assertEquals(OffsetDateTime.parse("2019-03-01T00:00+08:00"), result.publishedAt());
    assertEquals(DateEvidence.TEXT, result.dateEvidence());
  }
}
