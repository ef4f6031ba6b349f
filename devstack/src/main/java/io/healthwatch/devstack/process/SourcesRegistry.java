package io.healthwatch.devstack.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The crawler's source registry as the local launchers write it (the demo, tests, benchmarks). */
public final class SourcesRegistry {
  private SourcesRegistry() {}

  /** One RSS source with one feed: its id, the name the crawler credits and the feed's URL. */
  public static Map<String, Object> rss(String id, String name, String feedUrl) {
    return Map.of("id", id, "name", name, "kind", "rss", "entryUrls", List.of(feedUrl));
  }

  /** Writes the registry the crawler's {@code sources} key points at. */
  public static Path write(Path file, List<Map<String, Object>> sources) throws IOException {
    return LocalPipeline.writeConfig(file, Map.of("sources", sources));
  }
}
