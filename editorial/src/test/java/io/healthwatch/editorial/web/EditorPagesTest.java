package io.healthwatch.editorial.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.editorial.issue.EditorOverrides;
import io.healthwatch.editorial.issue.TestIssueSettings;
import io.healthwatch.editorial.search.ArticleSearch;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EditorPagesTest {
  private final EditorPages pages = new EditorPages("demo", WeeklyCalendar.REPORTS);

  private static ArticleDocument hostile() {
    return TestIssueSettings.document(
        "<script>alert(1)</script>标题", "来源\"><img src=x>", "javascript:alert(1)", "正文<b>粗</b>");
  }

  @Test
  void crawledTextIsShownAsTextOnEveryPage() {
    var article = hostile();
    String search =
        pages.search(
            new EditorPages.SearchForm("\"><script>", null, null, null, null, null),
            new ArticleSearch.Facets(List.of("<i>源</i>"), List.of("ai-medicine")),
            new ArticleSearch.Result(1, List.of(new ArticleSearch.Hit(article, 1.0))));
    String week =
        pages.week(
            LocalDate.of(2024, 5, 17),
            Optional.empty(),
            List.of(article),
            Set.of(article.id()),
            EditorOverrides.Choices.NONE,
            3);
    for (String page : List.of(search, week)) {
      assertFalse(page.contains("<script>"), page);
      assertFalse(page.contains("<img src=x>"), page);
      assertFalse(page.contains("href=\"javascript:"), "a javascript: link is text, not a link");
      assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;标题"), page);
    }
    assertFalse(search.contains("<i>源</i>"));
  }

  @Test
  void theWeekPageOffersWhatCanStillBeDone() {
    var article = hostile();
    String pinned =
        pages.week(
            LocalDate.of(2024, 5, 17),
            Optional.empty(),
            List.of(article),
            Set.of(article.id()),
            new EditorOverrides.Choices(Set.of(article.id()), Set.of()),
            3);
    assertFalse(pinned.contains("button class=\"pin\""), "already pinned");
    assertTrue(pinned.contains("button class=\"exclude\""));
    assertTrue(pinned.contains("button class=\"clear\""));
    assertTrue(pinned.contains("action=\"/weeks/2024-05-17/publish\""));
  }

  @Test
  void theWeekPageShowsTheCalendarsRangeNotAFixedOne() {
    var mondays =
        new EditorPages("demo", new WeeklyCalendar(ZoneId.of("Europe/Berlin"), DayOfWeek.MONDAY));
    String week =
        mondays.week(
            LocalDate.of(2024, 5, 19),
            Optional.empty(),
            List.of(),
            Set.of(),
            EditorOverrides.Choices.NONE,
            3);
    assertTrue(week.contains("2024-05-13"), week);
    String reports =
        pages.week(
            LocalDate.of(2024, 5, 17),
            Optional.empty(),
            List.of(),
            Set.of(),
            EditorOverrides.Choices.NONE,
            3);
    assertTrue(reports.contains("2024-05-11"), reports);
  }

  @Test
  void formsDecodeUtf8AndKeepTheFirstOfARepeatedName() {
    assertEquals(
        Map.of("q", "医保码", "source", "", "x", "%zz"),
        Forms.parse("q=%E5%8C%BB%E4%BF%9D%E7%A0%81&source=&q=second&x=%zz"));
    assertEquals(Map.of(), Forms.parse(null));
  }

  @Test
  void theIssuePageGetsAWayBack() {
    String html = pages.issue("<html><body><main>x</main></body></html>");
    assertTrue(html.contains("<body>\n<nav"), html);
  }
}
