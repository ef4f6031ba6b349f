package io.healthwatch.editorial.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.IssueWindow;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.indexer.TestArticles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/** The service's own publication: a week's issue once the week is over and the delay passed. */
class WeeklyPublisherIT {
  @TempDir Path dir;

  @Test
  void aWeekIsPublishedOnceAfterItClosesAndItsDelay() throws Exception {
    var node = TestIssueSettings.freshNamespace("publisher-it");
    String ns = node.namespace();
    OpenSearchClient client = node.client();
    TestArticles.index(client, ns, List.of(week575()));
    var settings = TestIssueSettings.withArticles(3);
    var config = TestIssueSettings.config(Map.of("publishing.delay", "PT2H"));
    var publisher =
        new WeeklyPublisher(
            new IssueMaterializer(client, ns, settings, config.calendar()),
            new IssueStore(client, ns),
            config.calendar(),
            config.publishing(),
            settings,
            dir);

    // Friday 23:00 and Saturday 01:00 China time: the week is not over, or within its delay.
    assertTrue(
        publisher
            .publishDue(OffsetDateTime.parse("2024-05-17T23:00:00+08:00").toInstant())
            .isEmpty());
    assertTrue(
        publisher
            .publishDue(OffsetDateTime.parse("2024-05-18T01:00:00+08:00").toInstant())
            .isEmpty());

    var published =
        publisher.publishDue(OffsetDateTime.parse("2024-05-18T02:30:00+08:00").toInstant());
    assertEquals(1, published.size());
    assertEquals(575, published.get(0).issue().number());
    assertEquals(LocalDate.of(2024, 5, 17), published.get(0).issue().windowEnd());

    // Checked again later: already published, left alone.
    assertTrue(
        publisher
            .publishDue(OffsetDateTime.parse("2024-05-20T09:00:00+08:00").toInstant())
            .isEmpty());
  }

  @Test
  void aPublishedIssueKeepsItsNumberWhenMaterializedAgainUnderAnotherConfiguration()
      throws Exception {
    var node = TestIssueSettings.freshNamespace("numbering-it");
    String ns = node.namespace();
    OpenSearchClient client = node.client();
    var later =
        TestArticles.article(
            "https://news.example/week-630",
            "新华网",
            "一年后的互联网医院新闻",
            "互联网医院的正文。",
            "2025-06-25T09:00:00+08:00",
            ArticleStatus.PRIMARY,
            0.9,
            List.of());
    var window =
        new IssueWindow(
            "2025-06-21/2025-06-27", LocalDate.of(2025, 6, 21), LocalDate.of(2025, 6, 27));
    TestArticles.index(client, ns, List.of(week575(), TestArticles.inWindow(later, window)));
    LocalDate week575 = LocalDate.of(2024, 5, 17);
    LocalDate week630 = LocalDate.of(2025, 6, 27);
    var demo =
        TestIssueSettings.withAnchors(
            3,
            List.of(
                new EditorialConfig.Anchor(week575, 575),
                new EditorialConfig.Anchor(week630, 630)));
    var first = new IssueMaterializer(client, ns, demo, WeeklyCalendar.REPORTS);
    assertEquals(575, first.materialize(week575, dir).issue().number());
    var published = first.materialize(week630, dir).issue();
    assertEquals(630, published.number());
    assertEquals(1, published.revision());

    // The default configuration has only the first anchor: counting from it would say 576.
    var other =
        new IssueMaterializer(
            client, ns, TestIssueSettings.withArticles(3), WeeklyCalendar.REPORTS);
    var revised = other.materialize(week630, dir).issue();
    assertEquals(630, revised.number());
    assertEquals(575, other.materialize(week575, dir).issue().number());
    // A revision: same number and window, first publication kept, both revisions recorded.
    assertEquals(2, revised.revision());
    assertEquals(published.windowStart(), revised.windowStart());
    assertEquals(published.firstPublishedAt(), revised.firstPublishedAt());
    assertEquals(List.of(1, 2), revised.revisions().stream().map(r -> r.revision()).toList());
    var store = new IssueStore(client, ns);
    assertEquals(
        List.of(week630, week575), store.entries().stream().map(e -> e.windowEnd()).toList());
    assertEquals(2, store.issue(week630).orElseThrow().revision());
  }

  /** A relevant primary of issue 575's week. */
  private static TaggedArticle week575() {
    return TestArticles.article(
        "https://news.example/week-575",
        "新华网",
        "本周的医保码新闻",
        "医保码的正文。",
        "2024-05-15T09:00:00+08:00",
        ArticleStatus.PRIMARY,
        0.9,
        List.of());
  }
}
