package io.healthwatch.editorial.issue;

import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.editorial.EditorialMain;
import io.healthwatch.indexer.TestArticles;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The reports' settings, anchored at issue 575, and articles of its week, for issue tests. */
public final class TestIssueSettings {
  private TestIssueSettings() {}

  /** The shipped defaults with keys set as a config file or --set would. */
  public static EditorialConfig config(Map<String, String> keys) {
    return EditorialConfig.load(null, Map.of(), keys);
  }

  public static EditorialConfig.Issues withArticles(int articles) {
    return config(Map.of("issues.articles", String.valueOf(articles))).issues();
  }

  /** The same with other numbering anchors (a list, which a single key cannot set). */
  public static EditorialConfig.Issues withAnchors(
      int articles, List<EditorialConfig.Anchor> anchors) {
    var d = withArticles(articles);
    return new EditorialConfig.Issues(
        d.title(),
        d.organisation(),
        d.subject(),
        d.scope(),
        d.articles(),
        d.outputDir(),
        d.formats(),
        d.template(),
        d.pdfFont(),
        anchors);
  }

  /** A fresh namespace on the test node with the editorial service's indices. */
  public static TestArticles.Node freshNamespace(String prefix) throws IOException {
    return TestArticles.freshNamespace(prefix, EditorialMain.INDICES);
  }

  /** An article of issue 575's week as the index holds it. */
  public static ArticleDocument document(String title, String source, String url, String body) {
    return document(
        "id-" + title.hashCode(),
        title,
        source,
        url,
        body,
        OffsetDateTime.parse("2024-05-14T09:12:00+08:00"));
  }

  /** The same with its id and publication time. */
  public static ArticleDocument document(
      String id, String title, String source, String url, String body, OffsetDateTime at) {
    return new ArticleDocument(
        id,
        1,
        "PRIMARY",
        title,
        body,
        source,
        "s",
        url,
        url,
        at,
        null,
        new ArticleDocument.Window("2024-05-11/2024-05-17", "2024-05-11", "2024-05-17"),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        0.9,
        true,
        null,
        List.of(),
        "h",
        "0",
        null);
  }
}
