package io.healthwatch.editorial.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.editorial.issue.TestIssueSettings;
import io.healthwatch.indexer.TestArticles;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/** Search against a real OpenSearch node with the project's Chinese-aware mapping. */
class ArticleSearchIT {
  private static OpenSearchClient client;
  private static String ns;

  @BeforeAll
  static void index() throws Exception {
    var node = TestIssueSettings.freshNamespace("search-it");
    ns = node.namespace();
    client = node.client();
    var docs =
        List.of(
            TestArticles.article(
                "https://news.example/alipay",
                "新华网",
                "支付宝助力数字医疗服务提质升级",
                "全国医保码用户已超11.2亿人，在浙江，医保码已逐渐深入人心。",
                "2024-05-15T15:40:00+08:00",
                ArticleStatus.PRIMARY,
                0.9,
                List.of("支付宝")),
            TestArticles.article(
                "https://news.example/reprint",
                "中国新闻网",
                "支付宝助力数字医疗服务提质升级",
                "全国医保码用户已超11.2亿人。",
                "2024-05-16T09:00:00+08:00",
                ArticleStatus.DUPLICATE,
                0.9,
                List.of("支付宝")),
            TestArticles.article(
                "https://news.example/insurance",
                "中国科技网",
                "全国统一医保信息平台持续完善",
                "医保电子处方流转加快推进，码上就医更方便。",
                "2024-05-09T10:00:00+08:00",
                ArticleStatus.PRIMARY,
                0.9,
                List.of()),
            TestArticles.article(
                "https://news.example/cba",
                "中国新闻网",
                "CBA总决赛辽宁夺冠",
                "辽宁队以总比分四比零夺得本赛季总冠军。",
                "2024-05-15T22:00:00+08:00",
                ArticleStatus.PRIMARY,
                0.9,
                List.of()));
    TestArticles.index(client, ns, docs);
  }

  private static List<String> titles(ArticleSearch.Request request) throws Exception {
    return new ArticleSearch(client, ns, WeeklyCalendar.REPORTS)
        .search(request).hits().stream().map(h -> h.article().title()).toList();
  }

  @Test
  void aChineseWordFindsTheArticlesThatSayItAndOnlyThePrimary() throws Exception {
    // 医保码 is found as written; "码上就医" and "医保电子处方" share characters but not the word.
    assertEquals(
        List.of("支付宝助力数字医疗服务提质升级"),
        titles(new ArticleSearch.Request("医保码", null, null, null, null, null, 10)));
  }

  @Test
  void sourceEntityAndDatesFilter() throws Exception {
    assertEquals(
        List.of("全国统一医保信息平台持续完善"),
        titles(new ArticleSearch.Request("医保", "中国科技网", null, null, null, null, 10)));
    assertEquals(
        List.of("支付宝助力数字医疗服务提质升级"),
        titles(new ArticleSearch.Request(null, null, "支付宝", null, null, null, 10)));
    assertEquals(
        List.of("全国统一医保信息平台持续完善"),
        titles(
            new ArticleSearch.Request(
                "医保", null, null, null, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 9), 10)));
    assertEquals(
        3,
        new ArticleSearch(client, ns, WeeklyCalendar.REPORTS)
            .search(new ArticleSearch.Request("", null, null, null, null, null, 10))
            .total());
    var search = new ArticleSearch(client, ns, WeeklyCalendar.REPORTS);
    assertEquals(
        3,
        search
            .search(new ArticleSearch.Request("", null, null, "ai-medicine", null, null, 10))
            .total());
    assertEquals(
        0,
        search
            .search(new ArticleSearch.Request("", null, null, "smart-ward", null, null, 10))
            .total());
    var facets = search.facets();
    assertEquals(List.of("ai-medicine"), facets.topics());
    assertTrue(facets.sources().containsAll(List.of("新华网", "中国科技网")), facets.sources().toString());
  }
}
