package io.healthwatch.enricher.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds fingerprints within 15 bits of a given one without a scan: each 64-bit half is cut into 8
 * bands of 8 bits. Two fingerprints at most 15 bits apart in all are at most 7 apart in one half,
 * and two halves at most 7 bits apart agree on at least one whole band (pigeonhole), so looking up
 * each band's value finds every such pair.
 */
final class SimHashBands {
  static final int BANDS_PER_HALF = 8;
  private static final int BAND_BITS = 64 / BANDS_PER_HALF;

  private final KeyValueStore<String, String> store;

  SimHashBands(KeyValueStore<String, String> store) {
    this.store = store;
  }

  void add(SimHash fingerprint, String id) {
    for (String key : keys(fingerprint)) {
      String ids = store.get(key);
      store.put(key, ids == null ? id : ids + "," + id);
    }
  }

  void remove(SimHash fingerprint, String id) {
    for (String key : keys(fingerprint)) {
      String ids = store.get(key);
      if (ids == null) {
        continue;
      }
      var kept = new ArrayList<>(Arrays.asList(ids.split(",")));
      kept.remove(id);
      if (kept.isEmpty()) {
        store.delete(key);
      } else {
        store.put(key, String.join(",", kept));
      }
    }
  }

  Set<String> candidates(SimHash fingerprint) {
    var ids = new LinkedHashSet<String>();
    for (String key : keys(fingerprint)) {
      String found = store.get(key);
      if (found != null) {
        ids.addAll(Arrays.asList(found.split(",")));
      }
    }
    return ids;
  }

  private static String[] keys(SimHash fingerprint) {
    var keys = new String[2 * BANDS_PER_HALF];
    for (int band = 0; band < BANDS_PER_HALF; band++) {
      keys[band] = key("a", band, fingerprint.first());
      keys[BANDS_PER_HALF + band] = key("b", band, fingerprint.second());
    }
    return keys;
  }

  private static String key(String half, int band, long bits) {
    long value = (bits >>> (band * BAND_BITS)) & ((1L << BAND_BITS) - 1);
    return half + band + ":" + Long.toHexString(value);
  }
}
