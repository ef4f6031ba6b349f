package io.healthwatch.indexer.issue;

import io.healthwatch.indexer.IndexerConfig;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The reports' settings, anchored at issue 575, and articles of its week, for issue tests. */
public final class TestIssueSettings {
  private TestIssueSettings() {}

  public static IndexerConfig.Issues withArticles(int articles) {
    return withAnchors(articles, List.of(new IndexerConfig.Anchor(LocalDate.of(2024, 5, 17), 575)));
  }

  /** The same with other numbering anchors. */
  public static IndexerConfig.Issues withAnchors(int articles, List<IndexerConfig.Anchor> anchors) {
    return new IndexerConfig.Issues(
        "全国卫生信息化舆情监测周报",
        "北京市卫生健康大数据与政策研究中心",
        "卫生健康大数据与政策研究相关信息",
        "监测范围包括全国主流媒体及政府网站等",
        articles,
        "out",
        anchors);
  }

  /** An article of issue 575's week as the index holds it. */
  public static ArticleDocument document(String title, String source, String url, String body) {
    return new ArticleDocument(
        "id-" + title.hashCode(),
        1,
        "PRIMARY",
        title,
        body,
        source,
        "s",
        url,
        url,
        OffsetDateTime.parse("2024-05-14T09:12:00+08:00"),
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
