package io.healthwatch.analysis.smartcn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.opensearch.Version;
import org.opensearch.plugins.AnalysisPlugin;

class PluginDescriptorTest {
  private static Properties descriptor() throws IOException {
    var properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(Path.of("target/plugin/plugin-descriptor.properties"))) {
      properties.load(in);
    }
    return properties;
  }

  @Test
  void descriptorNamesThePluginClassAndTheNodeVersionItWasCompiledAgainst() throws Exception {
    Properties descriptor = descriptor();
    assertEquals(Version.CURRENT.toString(), descriptor.getProperty("opensearch.version"));
    Object plugin =
        Class.forName(descriptor.getProperty("classname")).getDeclaredConstructor().newInstance();
    assertTrue(plugin instanceof AnalysisPlugin);
  }

  @Test
  void registersTheAnalyzerAndTokenizerNamesTheMappingsUse() {
    var plugin = new SmartChineseAnalysisPlugin();
    assertEquals(java.util.Set.of("smartcn"), plugin.getAnalyzers().keySet());
    assertEquals(java.util.Set.of("smartcn_tokenizer"), plugin.getTokenizers().keySet());
  }
}
