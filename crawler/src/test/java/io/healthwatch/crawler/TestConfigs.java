package io.healthwatch.crawler;

import java.util.LinkedHashMap;
import java.util.Map;

/** Crawler configurations for tests, built by key through the loader as the service builds them. */
public final class TestConfigs {
  private TestConfigs() {}

  /** The bundled defaults with {@code key, value, key, value...} overrides. */
  public static CrawlerConfig crawler(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    var overrides = new LinkedHashMap<String, String>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      overrides.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return CrawlerConfig.load(null, Map.of(), overrides);
  }

  /** The fetch settings of such a configuration; keys without the {@code fetch.} prefix. */
  public static CrawlerConfig.Fetch fetch(String... keysAndValues) {
    var prefixed = keysAndValues.clone();
    for (int i = 0; i < prefixed.length; i += 2) {
      prefixed[i] = "fetch." + prefixed[i];
    }
    return crawler(prefixed).fetch();
  }
}
