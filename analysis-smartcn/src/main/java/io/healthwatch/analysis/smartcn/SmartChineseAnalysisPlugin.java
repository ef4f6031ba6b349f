package io.healthwatch.analysis.smartcn;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Registers Lucene's Smart Chinese segmenter with OpenSearch: the {@code smartcn} analyzer (word
 * segmentation, Porter stemming of Latin words, punctuation dropped) and the {@code
 * smartcn_tokenizer} for custom analyzers. The names are those of the Elastic plugin of the same
 * purpose, so mappings written for either work on both.
 */
public final class SmartChineseAnalysisPlugin extends Plugin implements AnalysisPlugin {
  public static final String ANALYZER = "smartcn";
  public static final String TOKENIZER = "smartcn_tokenizer";

  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    return Map.of(TOKENIZER, SmartChineseTokenizerFactory::new);
  }

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of(ANALYZER, SmartChineseAnalyzerProvider::new);
  }
}
