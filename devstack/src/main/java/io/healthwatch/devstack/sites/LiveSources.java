package io.healthwatch.devstack.sites;

import io.healthwatch.devstack.process.LocalPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A crawler's source registry for sites on loopback: each an RSS source with one feed. */
public final class LiveSources {
  private LiveSources() {}

  /** One source of the registry: its id, the name the crawler credits and its feed. */
  public static Map<String, Object> rss(String id, String name, String feedUrl) {
    return Map.of("id", id, "name", name, "kind", "rss", "entryUrls", List.of(feedUrl));
  }

  /** Writes the registry the crawler's {@code sources} key points at. */
  public static Path write(Path file, List<Map<String, Object>> sources) throws IOException {
    return LocalPipeline.writeConfig(file, Map.of("sources", sources));
  }
}
