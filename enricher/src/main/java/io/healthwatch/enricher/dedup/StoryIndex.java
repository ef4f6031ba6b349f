package io.healthwatch.enricher.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The primaries' stories by anchor ({@link Story#anchors}), in one store: {@code anchor|id} for
 * each primary holding the anchor and {@code anchor#} for how many do. An anchor that {@value
 * #BOILERPLATE} or more primaries hold is boilerplate: a site's copyright or navigation line, a
 * notice's template, which every page of that site or template carries, while a story's own
 * sentences are in that story alone (its reprints are not indexed). Boilerplate is neither looked
 * up nor counted as shared text, so the index learns each site's furniture from its first pages.
 */
final class StoryIndex {
  static final int BOILERPLATE = 3;

  private static final StringSerializer KEYS = new StringSerializer();

  private final KeyValueStore<String, String> store;

  StoryIndex(KeyValueStore<String, String> store) {
    this.store = store;
  }

  void add(String id, Story story) {
    for (long anchor : story.anchors()) {
      if (store.putIfAbsent(posting(anchor, id), "") == null) {
        store.put(count(anchor), Integer.toString(holders(anchor) + 1));
      }
    }
  }

  void remove(String id, Story story) {
    for (long anchor : story.anchors()) {
      if (store.delete(posting(anchor, id)) != null) {
        int left = holders(anchor) - 1;
        if (left > 0) {
          store.put(count(anchor), Integer.toString(left));
        } else {
          store.delete(count(anchor));
        }
      }
    }
  }

  boolean isBoilerplate(long anchor) {
    return holders(anchor) >= BOILERPLATE;
  }

  boolean isEmpty() {
    try (KeyValueIterator<String, String> all = store.all()) {
      return !all.hasNext();
    }
  }

  /**
   * Primaries that share an anchor with the story (which holds no boilerplate, {@link
   * Story#of(String, java.util.function.LongPredicate)}), most anchors shared first, at most {@code
   * limit}.
   */
  List<String> candidates(Story story, int limit) {
    Map<String, Integer> shared = new HashMap<>();
    for (long anchor : story.anchors()) {
      String prefix = prefix(anchor);
      try (KeyValueIterator<String, String> postings = store.prefixScan(prefix, KEYS)) {
        while (postings.hasNext()) {
          shared.merge(postings.next().key.substring(prefix.length()), 1, Integer::sum);
        }
      }
    }
    var ids = new ArrayList<>(shared.keySet());
    ids.sort(
        (a, b) ->
            shared.get(b) - shared.get(a) != 0 ? shared.get(b) - shared.get(a) : a.compareTo(b));
    return ids.subList(0, Math.min(limit, ids.size()));
  }

  private int holders(long anchor) {
    String count = store.get(count(anchor));
    return count == null ? 0 : Integer.parseInt(count);
  }

  private static String prefix(long anchor) {
    return String.format("%08x|", anchor);
  }

  private static String posting(long anchor, String id) {
    return prefix(anchor) + id;
  }

  private static String count(long anchor) {
    return String.format("%08x#", anchor);
  }
}
