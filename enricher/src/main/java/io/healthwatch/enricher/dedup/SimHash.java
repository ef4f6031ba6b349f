package io.healthwatch.enricher.dedup;

/**
 * A 128-bit SimHash over overlapping character shingles of a normalized text, kept as two
 * independent 64-bit halves (two hash seeds): two texts that share most shingles get fingerprints a
 * few bits apart, whatever their length. One 64-bit SimHash scatters widely on a reprint with a few
 * edits; the sum of two independent halves scatters half as much, and when the sum is within 15
 * bits one half is within 7, which the band index finds without a scan.
 */
public record SimHash(long first, long second) {
  static final int SHINGLE = 4;

  /** Lines shorter than this are furniture around the story, not the story. */
  static final int SHORT_LINE = 30;

  private static final long SEED_FIRST = 0xcbf29ce484222325L;
  private static final long SEED_SECOND = 0x84222325cbf29ce4L;

  public static SimHash of(String text) {
    int[] codePoints = storyText(text).codePoints().toArray();
    if (codePoints.length == 0) {
      return new SimHash(0, 0);
    }
    int[] votesFirst = new int[64];
    int[] votesSecond = new int[64];
    int shingles = Math.max(1, codePoints.length - SHINGLE + 1);
    for (int i = 0; i < shingles; i++) {
      int length = Math.min(SHINGLE, codePoints.length - i);
      vote(votesFirst, hash(codePoints, i, length, SEED_FIRST));
      vote(votesSecond, hash(codePoints, i, length, SEED_SECOND));
    }
    return new SimHash(bits(votesFirst), bits(votesSecond));
  }

  /** Bits that differ, over both halves (0..128). */
  public int distance(SimHash other) {
    return Long.bitCount(first ^ other.first) + Long.bitCount(second ^ other.second);
  }

  /** 32 hex digits, as the tagged-article contract carries it. */
  public String toHex() {
    return String.format("%016x%016x", first, second);
  }

  /**
   * The fingerprint a tagged article carries; null for the 16-digit form of earlier records, which
   * the caller recomputes from the body.
   */
  public static SimHash parse(String hex) {
    if (hex == null || hex.length() != 32) {
      return null;
    }
    return new SimHash(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  /**
   * The whole text's letters and digits, lower case: what the content hash is taken of, so that any
   * change of wording (a corrected date line too) makes a re-crawl an update.
   */
  public static String lettersAndDigits(String text) {
    var out = new StringBuilder(text.length());
    appendLettersAndDigits(text, out);
    return out.toString();
  }

  /**
   * What the fingerprint is taken of: the story's lines without short ones (a reprinting site's
   * source and editor lines, "原标题", an app promo), letters and digits only, lower case: spacing and
   * punctuation differ between reprints. A text made only of short lines is kept whole.
   */
  private static String storyText(String text) {
    var out = new StringBuilder(text.length());
    for (String line : text.split("\n")) {
      if (line.codePointCount(0, line.length()) >= SHORT_LINE) {
        appendLettersAndDigits(line, out);
      }
    }
    if (out.isEmpty()) {
      appendLettersAndDigits(text, out);
    }
    return out.toString();
  }

  private static void appendLettersAndDigits(String text, StringBuilder out) {
    text.codePoints()
        .filter(Character::isLetterOrDigit)
        .map(Character::toLowerCase)
        .forEach(out::appendCodePoint);
  }

  private static void vote(int[] votes, long hash) {
    for (int bit = 0; bit < 64; bit++) {
      votes[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
    }
  }

  private static long bits(int[] votes) {
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  private static long hash(int[] codePoints, int from, int length, long seed) {
    long hash = seed;
    for (int i = from; i < from + length; i++) {
      hash ^= codePoints[i];
      hash *= 0x100000001b3L;
    }
    // FNV's low bits mix poorly for short inputs; a final avalanche spreads them over all 64.
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    hash ^= hash >>> 33;
    return hash;
  }
}
