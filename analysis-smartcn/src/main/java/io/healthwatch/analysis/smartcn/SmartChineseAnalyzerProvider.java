package io.healthwatch.analysis.smartcn;

import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/**
 * Provides one {@link SmartChineseAnalyzer} per index; the analyzer is thread-safe and its
 * dictionaries are loaded once per node by Lucene.
 */
final class SmartChineseAnalyzerProvider
    extends AbstractIndexAnalyzerProvider<SmartChineseAnalyzer> {
  private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();

  SmartChineseAnalyzerProvider(
      IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, name, settings);
  }

  @Override
  public SmartChineseAnalyzer get() {
    return analyzer;
  }
}
