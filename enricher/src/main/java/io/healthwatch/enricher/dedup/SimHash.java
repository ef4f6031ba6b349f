package io.healthwatch.enricher.dedup;

/**
 * 64-bit SimHash over overlapping character shingles of a normalized text: two texts that share
 * most shingles get fingerprints a few bits apart, whatever their length.
 */
public final class SimHash {
  static final int SHINGLE = 4;

  private SimHash() {}

  public static long of(String text) {
    String normalized = normalize(text);
    int[] votes = new int[64];
    int[] codePoints = normalized.codePoints().toArray();
    if (codePoints.length == 0) {
      return 0;
    }
    int shingles = Math.max(1, codePoints.length - SHINGLE + 1);
    for (int i = 0; i < shingles; i++) {
      long hash = fnv1a64(codePoints, i, Math.min(SHINGLE, codePoints.length - i));
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
      }
    }
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** Letters and digits only, lower case: spacing and punctuation differ between reprints. */
  public static String normalize(String text) {
    var out = new StringBuilder(text.length());
    text.codePoints()
        .filter(Character::isLetterOrDigit)
        .map(Character::toLowerCase)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static long fnv1a64(int[] codePoints, int from, int length) {
    long hash = 0xcbf29ce484222325L;
    for (int i = from; i < from + length; i++) {
      hash ^= codePoints[i];
      hash *= 0x100000001b3L;
    }
    // FNV's low bits mix poorly for short inputs; a final avalanche spreads them over all 64.
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }
}
