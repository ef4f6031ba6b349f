package io.healthwatch.editorial.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueRendererTest {
  private static final EditorialConfig.Issues SETTINGS = TestIssueSettings.withArticles(3);

  private static ArticleDocument article(String title, String source, String url, String body) {
    return TestIssueSettings.document(title, source, url, body);
  }

  /** Issue 575's week with the given articles. */
  private static String render(List<ArticleDocument> articles) {
    return new IssueRenderer(SETTINGS)
        .markdown(575, LocalDate.of(2024, 5, 11), LocalDate.of(2024, 5, 17), articles);
  }

  @Test
  void issueHasTheReportsSectionsInTheReportsOrder() {
    String md =
        render(
            List.of(
                article("“AI+医疗”落地 看病体验升级", "云南网", "https://m.yunnan.cn/a.shtml", "第一段。\n\n第二段。"),
                article("武汉协和医院联手百度健康探索 AI 智慧门诊", "中国科技网", "http://stdaily.com/b.shtml", "正文")));
    String[] inOrder = {
      "# 全国卫生信息化舆情监测周报",
      "(第五七五期)",
      "北京市卫生健康大数据与政策研究中心",
      "2024年5月17日",
      "本期导语",
      "本期周报共收集2篇卫生健康大数据与政策研究相关信息，时间从2024年5月11日到2024年5月17日",
      "一、信息目录",
      "1. “AI+医疗”落地 看病体验升级",
      "(云南网)",
      "2. 武汉协和医院联手百度健康探索 AI 智慧门诊",
      "(中国科技网)",
      "二、具体内容",
      "1. 标题：“AI+医疗”落地 看病体验升级",
      "来源：云南网",
      "链接：",
      "<https://m.yunnan.cn/a.shtml>",
      "主要内容：",
      "第一段。\n\n第二段。",
      "2. 标题：武汉协和医院"
    };
    int at = 0;
    for (String part : inOrder) {
      int found = md.indexOf(part, at);
      assertTrue(found >= 0, "missing or out of order: " + part + "\n" + md);
      at = found + part.length();
    }
  }

  @Test
  void crawledTextCannotInjectMarkup() {
    String md =
        render(
            List.of(
                article(
                    "<script>alert(1)</script>",
                    "# 源",
                    "https://a.cn/x",
                    "# 标题\n\n[点我](http://evil)")));
    assertFalse(md.contains("<script>"));
    assertFalse(md.contains("\n# 标题"));
    assertFalse(md.contains("[点我](http://evil)"));
    assertEquals(1, md.split("\n# ", -1).length, "one top-level heading: the report's own");
  }

  @Test
  void htmlEscapesEveryCrawledTextAndLinksOnlyWebAddresses() {
    var hostile =
        article(
            "标题<script>alert(1)</script> & \"引号\"",
            "来源<b>网</b>",
            "javascript:alert(1)",
            "第一段<img src=x onerror=alert(1)>\n\n第二段 'quoted' & more");
    var fine = article("正常标题", "新华网", "https://news.example/a?x=1&y=2", "正文。");
    String html =
        new IssueRenderer(SETTINGS)
            .html(
                575, LocalDate.of(2024, 5, 11), LocalDate.of(2024, 5, 17), List.of(hostile, fine));

    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("<b>网"), html);
    assertFalse(html.contains("href=\"javascript:"), html);
    assertTrue(html.contains("标题&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;"));
    assertTrue(html.contains("<p>第二段 &#39;quoted&#39; &amp; more</p>"), html);
    assertTrue(html.contains("<a href=\"https://news.example/a?x=1&amp;y=2\">"), html);
  }

  @Test
  void htmlHasTheReportsSectionsInTheReportsOrder() {
    String html =
        new IssueRenderer(SETTINGS)
            .html(
                575,
                LocalDate.of(2024, 5, 11),
                LocalDate.of(2024, 5, 17),
                List.of(article("一篇", "云南网", "https://a.example/1", "正文")));
    int at = -1;
    for (String part :
        List.of(
            "全国卫生信息化舆情监测周报",
            "(第五七五期)",
            "北京市卫生健康大数据与政策研究中心",
            "2024年5月17日",
            "本期导语",
            "本期周报共收集1篇",
            "时间从2024年5月11日到2024年5月17日",
            "一、信息目录",
            "二、具体内容",
            "1. 标题：一篇",
            "来源：云南网",
            "链接：",
            "主要内容：",
            "<p>正文</p>")) {
      int next = html.indexOf(part, at + 1);
      assertTrue(next > at, part + " missing or out of order");
      at = next;
    }
  }
}
