package io.healthwatch.enricher.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The primaries' stories by anchor ({@link Story#anchors}), one store entry per anchor: the ids of
 * the primaries holding it, or, once {@value #BOILERPLATE} or more do, only how many ({@code #N}).
 * Such an anchor is boilerplate: a site's copyright or navigation line, a notice's template, which
 * every page of that site or template carries, while a story's own sentences are in that story
 * alone (its reprints are not indexed). Boilerplate is neither looked up nor counted as shared
 * text, so the index learns each site's furniture from its first pages; it stays boilerplate while
 * any holder is remembered. One read per anchor finds both what is boilerplate and the candidates,
 * and adding the story then writes each anchor once.
 */
final class StoryIndex {
  static final int BOILERPLATE = 3;

  private static final String COUNT = "#";

  private final KeyValueStore<String, String> store;

  StoryIndex(KeyValueStore<String, String> store) {
    this.store = store;
  }

  /** What the index holds for a story's anchors, read once. */
  final class Lookup {
    private final Map<Long, String> entries = new HashMap<>();
    private final Set<Long> boilerplate = new HashSet<>();
    private final Map<String, Integer> shared = new HashMap<>();

    private Lookup(Story story) {
      for (long anchor : story.anchors()) {
        String entry = store.get(key(anchor));
        entries.put(anchor, entry);
        if (entry == null) {
          continue;
        }
        if (entry.startsWith(COUNT)) {
          boilerplate.add(anchor);
        } else {
          for (String id : entry.split(",")) {
            shared.merge(id, 1, Integer::sum);
          }
        }
      }
    }

    /** Read for this story's anchors, from the store for another's (a candidate's). */
    boolean isBoilerplate(long anchor) {
      return entries.containsKey(anchor)
          ? boilerplate.contains(anchor)
          : StoryIndex.this.isBoilerplate(anchor);
    }

    /** Primaries sharing an anchor that is no boilerplate, most shared first, at most limit. */
    List<String> candidates(int limit) {
      var ids = new ArrayList<>(shared.keySet());
      ids.sort(
          (a, b) -> {
            int byShared = Integer.compare(shared.get(b), shared.get(a));
            return byShared != 0 ? byShared : a.compareTo(b);
          });
      return ids.subList(0, Math.min(limit, ids.size()));
    }
  }

  Lookup lookup(Story story) {
    return new Lookup(story);
  }

  /** Indexes a primary's whole story; {@code known} is its lookup, if one was made. */
  void add(String id, Story story, Lookup known) {
    for (long anchor : story.anchors()) {
      String entry =
          known != null && known.entries.containsKey(anchor)
              ? known.entries.get(anchor)
              : store.get(key(anchor));
      store.put(key(anchor), added(entry, id));
    }
  }

  void add(String id, Story story) {
    add(id, story, null);
  }

  void remove(String id, Story story) {
    for (long anchor : story.anchors()) {
      String entry = store.get(key(anchor));
      String left = removed(entry, id);
      if (left == null) {
        store.delete(key(anchor));
      } else if (!left.equals(entry)) {
        store.put(key(anchor), left);
      }
    }
  }

  boolean isBoilerplate(long anchor) {
    String entry = store.get(key(anchor));
    return entry != null && entry.startsWith(COUNT);
  }

  boolean isEmpty() {
    try (KeyValueIterator<String, String> all = store.all()) {
      return !all.hasNext();
    }
  }

  private static String added(String entry, String id) {
    if (entry == null) {
      return id;
    }
    if (entry.startsWith(COUNT)) {
      return COUNT + (Integer.parseInt(entry.substring(1)) + 1);
    }
    String[] ids = entry.split(",");
    if (Arrays.asList(ids).contains(id)) {
      return entry;
    }
    return ids.length + 1 >= BOILERPLATE ? COUNT + (ids.length + 1) : entry + "," + id;
  }

  /** The entry without the id; null when nothing is left. */
  private static String removed(String entry, String id) {
    if (entry == null) {
      return null;
    }
    if (entry.startsWith(COUNT)) {
      int left = Integer.parseInt(entry.substring(1)) - 1;
      return left > 0 ? COUNT + left : null;
    }
    var ids = new ArrayList<>(Arrays.asList(entry.split(",")));
    if (!ids.remove(id)) {
      return entry;
    }
    return ids.isEmpty() ? null : String.join(",", ids);
  }

  /** Eight hex digits (anchors are 32-bit): one key per anchor, sorted as the numbers are. */
  private static String key(long anchor) {
    String hex = Long.toHexString(anchor);
    return "00000000".substring(hex.length()) + hex;
  }
}
