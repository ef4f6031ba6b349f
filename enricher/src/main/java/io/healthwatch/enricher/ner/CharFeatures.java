package io.healthwatch.enricher.ner;

/**
 * The features of each character, as hashed bucket numbers: no string is built per character.
 * Templates: the character and its neighbours two either side, the four adjacent pairs and the pair
 * around it, the three-character window, and the classes (Han, Latin letter, digit, punctuation,
 * space, other) of the window, and the dictionary words (a {@link WordList}) that begin, end and
 * surround the character. Each template's values are mixed with its number, so 学 as the next
 * character and 学 as the current one are different features.
 */
final class CharFeatures {
  static final int PER_CHAR = 17;

  private static final int BOUNDARY = 0x110000; // beyond Unicode: before the start, after the end

  private final int bucketBits;
  private final int mask;
  private final WordList words;

  CharFeatures(int bucketBits, WordList words) {
    this.bucketBits = bucketBits;
    this.mask = (1 << bucketBits) - 1;
    this.words = words;
  }

  WordList words() {
    return words;
  }

  int bucketBits() {
    return bucketBits;
  }

  /** The buckets of every character's features, {@link #PER_CHAR} per character, in order. */
  int[] of(int[] text) {
    int n = text.length;
    int[] out = new int[n * PER_CHAR];
    int[] begins = new int[n];
    int[] ends = new int[n];
    int[] inside = new int[n];
    words.match(text, begins, ends, inside);
    for (int i = 0; i < n; i++) {
      int m2 = at(text, i - 2);
      int m1 = at(text, i - 1);
      int c0 = text[i];
      int p1 = at(text, i + 1);
      int p2 = at(text, i + 2);
      int o = i * PER_CHAR;
      out[o] = bucket(1, 0, 0, 0);
      out[o + 1] = bucket(2, c0, 0, 0);
      out[o + 2] = bucket(3, m1, 0, 0);
      out[o + 3] = bucket(4, p1, 0, 0);
      out[o + 4] = bucket(5, m2, 0, 0);
      out[o + 5] = bucket(6, p2, 0, 0);
      out[o + 6] = bucket(7, m1, c0, 0);
      out[o + 7] = bucket(8, c0, p1, 0);
      out[o + 8] = bucket(9, m2, m1, 0);
      out[o + 9] = bucket(10, p1, p2, 0);
      out[o + 10] = bucket(11, m1, p1, 0);
      out[o + 11] = bucket(12, m1, c0, p1);
      out[o + 12] = bucket(13, klass(m2) * 7 + klass(m1), klass(c0), klass(p1) * 7 + klass(p2));
      out[o + 13] = bucket(14, klass(m1), klass(c0), klass(p1));
      out[o + 14] = bucket(15, begins[i], 0, 0);
      out[o + 15] = bucket(16, ends[i], 0, 0);
      out[o + 16] = bucket(17, inside[i], 0, 0);
    }
    return out;
  }

  private static int at(int[] text, int i) {
    return i < 0 || i >= text.length ? BOUNDARY : text[i];
  }

  /** Character classes, so unseen names and numbers still have evidence. */
  static int klass(int c) {
    if (c == BOUNDARY) {
      return 0;
    }
    if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
      return 1;
    }
    if (c < 128 && Character.isLetter(c) || c >= 0xff21 && c <= 0xff5a) {
      return 2;
    }
    if (Character.isDigit(c)) {
      return 3;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return 4;
    }
    int type = Character.getType(c);
    if (type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION) {
      return 5;
    }
    return 6;
  }

  /** A 64-bit mix (splitmix64's finalizer) of the template and its values, cut to a bucket. */
  private int bucket(int template, int a, int b, int c) {
    long h = template * 0x9E3779B97F4A7C15L;
    h = mix(h ^ a);
    h = mix(h ^ ((long) b << 21));
    h = mix(h ^ ((long) c << 42));
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
