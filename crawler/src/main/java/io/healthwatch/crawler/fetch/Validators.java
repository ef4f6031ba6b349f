package io.healthwatch.crawler.fetch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ETag and Last-Modified of pages already fetched, so the next fetch is conditional and an
 * unchanged page costs the site a 304 instead of the page. Bounded: the least recently used entries
 * go first.
 */
public final class Validators {
  /** What a server said identifies a version of a page. */
  public record Entry(String etag, String lastModified) {}

  private final Map<String, Entry> entries;

  public Validators(int capacity) {
    this.entries =
        Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
              }
            });
  }

  Entry get(String url) {
    return entries.get(url);
  }

  void remember(String url, String etag, String lastModified) {
    if (etag != null || lastModified != null) {
      entries.put(url, new Entry(etag, lastModified));
    }
  }
}
