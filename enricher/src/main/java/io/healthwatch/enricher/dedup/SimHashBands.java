package io.healthwatch.enricher.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds fingerprints within 15 bits of a given one without a scan: each 64-bit half is cut into 8
 * bands of 8 bits. Two fingerprints at most 15 bits apart in all are at most 7 apart in one half,
 * and two halves at most 7 bits apart agree on at least one whole band (pigeonhole), so looking up
 * each band's value finds every such pair. One store entry per band and article ({@code
 * band:value|id}, the fingerprint as value): adding is 16 small writes, a lookup 16 prefix scans,
 * and a candidate's distance is known without reading the article.
 */
final class SimHashBands {
  static final int BANDS_PER_HALF = 8;
  private static final int BAND_BITS = 64 / BANDS_PER_HALF;
  private static final StringSerializer KEYS = new StringSerializer();

  /** An article whose fingerprint shares a band with the one looked up, and its distance. */
  record Candidate(String id, int distance) {}

  private final KeyValueStore<String, String> store;

  SimHashBands(KeyValueStore<String, String> store) {
    this.store = store;
  }

  void add(SimHash fingerprint, String id) {
    String value = fingerprint.toHex();
    for (String band : bands(fingerprint)) {
      store.put(band + id, value);
    }
  }

  void remove(SimHash fingerprint, String id) {
    for (String band : bands(fingerprint)) {
      store.delete(band + id);
    }
  }

  /** Every article within {@code maxDistance} bits, each once, nearest first. */
  List<Candidate> within(SimHash fingerprint, int maxDistance) {
    var found = new java.util.LinkedHashMap<String, Integer>();
    for (String band : bands(fingerprint)) {
      try (KeyValueIterator<String, String> entries = store.prefixScan(band, KEYS)) {
        while (entries.hasNext()) {
          var entry = entries.next();
          String id = entry.key.substring(band.length());
          if (found.containsKey(id)) {
            continue;
          }
          SimHash other = SimHash.parse(entry.value);
          int distance = other == null ? Integer.MAX_VALUE : fingerprint.distance(other);
          if (distance <= maxDistance) {
            found.put(id, distance);
          }
        }
      }
    }
    var candidates = new ArrayList<Candidate>();
    found.forEach((id, distance) -> candidates.add(new Candidate(id, distance)));
    candidates.sort(java.util.Comparator.comparingInt(Candidate::distance));
    return candidates;
  }

  /** The 16 band prefixes of a fingerprint: half, band number, band value, then "|". */
  private static String[] bands(SimHash fingerprint) {
    var keys = new String[2 * BANDS_PER_HALF];
    for (int band = 0; band < BANDS_PER_HALF; band++) {
      keys[band] = prefix('a', band, fingerprint.first());
      keys[BANDS_PER_HALF + band] = prefix('b', band, fingerprint.second());
    }
    return keys;
  }

  private static String prefix(char half, int band, long bits) {
    long value = (bits >>> (band * BAND_BITS)) & ((1L << BAND_BITS) - 1);
    return String.format("%c%d:%02x|", half, band, value);
  }
}
