package io.healthwatch.indexer.issue;

import io.healthwatch.indexer.IndexerConfig;
import java.time.LocalDate;
import java.util.List;

/** The reports' settings, anchored at issue 575, for issue tests. */
final class TestIssueSettings {
  private TestIssueSettings() {}

  static IndexerConfig.Issues withArticles(int articles) {
    return new IndexerConfig.Issues(
        "全国卫生信息化舆情监测周报",
        "北京市卫生健康大数据与政策研究中心",
        "卫生健康大数据与政策研究相关信息",
        "监测范围包括全国主流媒体及政府网站等",
        articles,
        "out",
        List.of(new IndexerConfig.Anchor(LocalDate.of(2024, 5, 17), 575)));
  }
}
