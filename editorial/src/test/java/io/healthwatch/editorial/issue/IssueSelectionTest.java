package io.healthwatch.editorial.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.healthwatch.indexer.bulk.ArticleDocument;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The selection policy alone, without OpenSearch. */
class IssueSelectionTest {
  private static final ArticleDocument A = article("a", "2024-05-16T09:00:00+08:00");
  private static final ArticleDocument B = article("b", "2024-05-13T09:00:00+08:00");
  private static final ArticleDocument C = article("c", "2024-05-15T09:00:00+08:00");
  private static final ArticleDocument D = article("d", "2024-05-12T09:00:00+08:00");
  private static final ArticleDocument LOW = article("low", "2024-05-14T09:00:00+08:00");

  @Test
  void theMostRelevantFillTheIssueListedByPublicationTime() {
    var chosen =
        new IssueSelection(3).choose(List.of(), List.of(A, B, C, D), EditorOverrides.Choices.NONE);
    assertEquals(List.of("b", "c", "a"), ids(chosen));
  }

  @Test
  void pinsComeFirstAndExclusionsAreSkipped() {
    var choices = new EditorOverrides.Choices(Set.of("low"), Set.of("a"));
    var selection = new IssueSelection(3);
    assertEquals(5, selection.candidatesNeeded(choices));
    var chosen = selection.choose(List.of(LOW), List.of(A, B, C, D), choices);
    assertEquals(List.of("b", "low", "c"), ids(chosen));
  }

  @Test
  void morePinsThanTheIssueHoldsAreAllKept() {
    var pinned = new LinkedHashSet<>(List.of("a", "b", "c"));
    var chosen =
        new IssueSelection(2)
            .choose(List.of(A, B, C), List.of(D, A), new EditorOverrides.Choices(pinned, Set.of()));
    assertEquals(List.of("b", "c", "a"), ids(chosen));
  }

  private static List<String> ids(List<ArticleDocument> articles) {
    return articles.stream().map(ArticleDocument::id).toList();
  }

  private static ArticleDocument article(String id, String publishedAt) {
    return TestIssueSettings.document(
        id, id, "新华网", "https://news.example/" + id, "正文", OffsetDateTime.parse(publishedAt));
  }
}
