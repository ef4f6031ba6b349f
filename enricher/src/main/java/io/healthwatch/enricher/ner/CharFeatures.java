package io.healthwatch.enricher.ner;

/**
 * The features of each character, as hashed bucket numbers: no string is built per character.
 * Templates: a bias; the character and its neighbours two either side, the four adjacent pairs and
 * the pair around it, the three-character window; the classes (Han, Latin letter, digit,
 * punctuation, space, other) of the five- and three-character windows; and the dictionary words (a
 * {@link WordList}) that begin, end and surround the character. Each template's values are mixed
 * with its number, so 学 as the next character and 学 as the current one are different features.
 *
 * <p>The character templates have many values and are hashed per character ({@link
 * Encoded#sparse}). The others have few (7<sup>5</sup> class windows, {@link WordList#CODES} word
 * codes), so the model sums their weights once per value at load and reads them by value ({@link
 * #windowBuckets}, {@link #wordBucket}): same buckets, same sums, a fraction of the reads.
 */
final class CharFeatures {
  static final int PER_CHAR = 17;

  /** Character templates hashed per character. */
  static final int SPARSE = 11;

  static final int CLASSES = 7;

  /** Values of the five-character class window. */
  static final int WINDOWS = CLASSES * CLASSES * CLASSES * CLASSES * CLASSES;

  /** The word templates, in the order of {@link Encoded}'s word codes. */
  static final int[] WORD_TEMPLATES = {15, 16, 17};

  private static final int BOUNDARY = 0x110000; // beyond Unicode: before the start, after the end

  private final int bucketBits;
  private final int mask;
  private final WordList words;

  /**
   * One text's features: {@link #SPARSE} buckets per character, each character's class window
   * ({@code < WINDOWS}) and its three word codes (begin, end, inside; {@code < WordList.CODES}).
   */
  record Encoded(int[] sparse, int[] windows, int[] begins, int[] ends, int[] inside) {}

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

  Encoded encode(int[] text) {
    int n = text.length;
    int[] sparse = new int[n * SPARSE];
    int[] windows = new int[n];
    int[] begins = new int[n];
    int[] ends = new int[n];
    int[] inside = new int[n];
    words.match(text, begins, ends, inside);
    // Each character's class once: the script lookup is a binary search, and every class is read
    // by five positions.
    int[] classes = new int[n + 4];
    for (int i = 0; i < n + 4; i++) {
      classes[i] = klass(at(text, i - 2));
    }
    for (int i = 0; i < n; i++) {
      int m2 = at(text, i - 2);
      int m1 = at(text, i - 1);
      int c0 = text[i];
      int p1 = at(text, i + 1);
      int p2 = at(text, i + 2);
      int o = i * SPARSE;
      sparse[o] = bucket(2, c0, 0, 0);
      sparse[o + 1] = bucket(3, m1, 0, 0);
      sparse[o + 2] = bucket(4, p1, 0, 0);
      sparse[o + 3] = bucket(5, m2, 0, 0);
      sparse[o + 4] = bucket(6, p2, 0, 0);
      sparse[o + 5] = bucket(7, m1, c0, 0);
      sparse[o + 6] = bucket(8, c0, p1, 0);
      sparse[o + 7] = bucket(9, m2, m1, 0);
      sparse[o + 8] = bucket(10, p1, p2, 0);
      sparse[o + 9] = bucket(11, m1, p1, 0);
      sparse[o + 10] = bucket(12, m1, c0, p1);
      int w = classes[i];
      for (int k = 1; k < 5; k++) {
        w = w * CLASSES + classes[i + k];
      }
      windows[i] = w;
    }
    return new Encoded(sparse, windows, begins, ends, inside);
  }

  /** All {@link #PER_CHAR} buckets of every character, in order: what the trainer updates. */
  int[] of(int[] text) {
    Encoded encoded = encode(text);
    int n = text.length;
    int[] out = new int[n * PER_CHAR];
    int[] codes = new int[3];
    for (int i = 0; i < n; i++) {
      int o = i * PER_CHAR;
      int[] window = windowBuckets(encoded.windows()[i]);
      out[o] = window[0];
      System.arraycopy(encoded.sparse(), i * SPARSE, out, o + 1, SPARSE);
      out[o + 12] = window[1];
      out[o + 13] = window[2];
      codes[0] = encoded.begins()[i];
      codes[1] = encoded.ends()[i];
      codes[2] = encoded.inside()[i];
      for (int k = 0; k < 3; k++) {
        out[o + 14 + k] = wordBucket(k, codes[k]);
      }
    }
    return out;
  }

  /** The buckets a class window stands for: the bias, the five-class and three-class window. */
  int[] windowBuckets(int window) {
    int[] k = windowClasses(window);
    return new int[] {
      bucket(1, 0, 0, 0),
      bucket(13, k[0] * CLASSES + k[1], k[2], k[3] * CLASSES + k[4]),
      bucket(14, k[1], k[2], k[3])
    };
  }

  /** The classes of a window's five characters, from two before to two after. */
  static int[] windowClasses(int window) {
    int[] k = new int[5];
    for (int j = 4, w = window; j >= 0; j--, w /= CLASSES) {
      k[j] = w % CLASSES;
    }
    return k;
  }

  /** The bucket of word template {@code index} (begin, end, inside) with a match code. */
  int wordBucket(int index, int code) {
    return bucket(WORD_TEMPLATES[index], code, 0, 0);
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
