package io.healthwatch.editorial.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.indexer.TestArticles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/** An editor's pins and exclusions against a real node: stored, and kept by every re-run. */
class EditorOverridesIT {
  @TempDir Path dir;

  private static final LocalDate WEEK = LocalDate.of(2024, 5, 17);

  private static final EditorialConfig.Issues SETTINGS = TestIssueSettings.withArticles(2);

  private static TaggedArticle story(String name, double relevance, String day) {
    return TestArticles.article(
        "https://news.example/" + name,
        "新华网",
        name,
        name + "的正文。",
        "2024-05-" + day + "T09:00:00+08:00",
        ArticleStatus.PRIMARY,
        relevance,
        List.of());
  }

  @Test
  void pinnedAndExcludedArticlesStayThatWayWhenTheIssueIsMadeAgain() throws Exception {
    var node = TestIssueSettings.freshNamespace("overrides-it");
    String ns = node.namespace();
    OpenSearchClient client = node.client();
    var top = story("最相关", 0.95, "13");
    var second = story("次相关", 0.9, "14");
    var third = story("第三", 0.8, "15");
    var sports = story("体育新闻", 0.1, "16");
    TestArticles.index(client, ns, List.of(top, second, third, sports));
    var materializer = new IssueMaterializer(client, ns, SETTINGS, WeeklyCalendar.REPORTS);

    assertEquals(List.of("最相关", "次相关"), titles(materializer.materialize(WEEK, dir)));

    var overrides = new EditorOverrides(client, ns);
    overrides.set(WEEK, top.id(), EditorOverrides.Action.EXCLUDE, "已在上期报道");
    overrides.set(WEEK, sports.id(), EditorOverrides.Action.PIN, null);
    // Pinned whatever its relevance, the excluded left out, the rest by relevance; by date.
    assertEquals(List.of("次相关", "体育新闻"), titles(materializer.materialize(WEEK, dir)));
    // Made again (a re-run, a late article): the choices hold.
    assertEquals(List.of("次相关", "体育新闻"), titles(materializer.materialize(WEEK, dir)));

    overrides.clear(WEEK, top.id());
    assertEquals(List.of("最相关", "体育新闻"), titles(materializer.materialize(WEEK, dir)));
  }

  private static List<String> titles(IssueMaterializer.Result result) {
    return result.issue().articles().stream().map(WeeklyIssue.IssueArticle::title).toList();
  }
}
