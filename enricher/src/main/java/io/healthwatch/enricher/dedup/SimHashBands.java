package io.healthwatch.enricher.dedup;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds fingerprints within 7 bits of a given one without a scan: the 64 bits are cut into 8 bands
 * of 8; two fingerprints at most 7 bits apart agree on at least one whole band, so looking up each
 * band's value finds every such pair (pigeonhole).
 */
final class SimHashBands {
  static final int BANDS = 8;
  private static final int BAND_BITS = 64 / BANDS;

  private final KeyValueStore<String, String> store;

  SimHashBands(KeyValueStore<String, String> store) {
    this.store = store;
  }

  void add(long fingerprint, String id) {
    for (int band = 0; band < BANDS; band++) {
      String key = key(band, fingerprint);
      String ids = store.get(key);
      store.put(key, ids == null ? id : ids + "," + id);
    }
  }

  Set<String> candidates(long fingerprint) {
    var ids = new LinkedHashSet<String>();
    for (int band = 0; band < BANDS; band++) {
      String found = store.get(key(band, fingerprint));
      if (found != null) {
        ids.addAll(Arrays.asList(found.split(",")));
      }
    }
    return ids;
  }

  private static String key(int band, long fingerprint) {
    long value = (fingerprint >>> (band * BAND_BITS)) & ((1L << BAND_BITS) - 1);
    return band + ":" + Long.toHexString(value);
  }
}
