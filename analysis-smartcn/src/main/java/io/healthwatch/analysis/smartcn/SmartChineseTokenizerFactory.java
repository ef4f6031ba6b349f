package io.healthwatch.analysis.smartcn;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenizerFactory;

/** Makes a sentence-then-word Smart Chinese tokenizer per analysis chain. */
final class SmartChineseTokenizerFactory extends AbstractTokenizerFactory {
  SmartChineseTokenizerFactory(
      IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, settings, name);
  }

  @Override
  public Tokenizer create() {
    return new HMMChineseTokenizer();
  }
}
