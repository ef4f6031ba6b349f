package io.healthwatch.enricher.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A dictionary of words with a coarse part of speech, matched at every position of a text without
 * building a string: each word and each of its prefixes is a 64-bit hash of its code points in an
 * open-addressing table, so a match walks forward one code point at a time and stops where no word
 * goes on. The labeller reads, at each character, the longest word that begins there, the longest
 * that ends there and the longest it is inside of: word boundaries and whether the word is a common
 * noun, a verb or a known name, which characters alone do not tell. With each word's frequency it
 * also segments a text ({@link #boundaries}), for the tagger's whole-word evidence and places.
 */
final class WordList {
  static final int MAX_LENGTH = 8;

  /** Coarse classes of a word; 0 is reserved for "only a prefix of a word". */
  static final List<String> CLASSES =
      List.of(
          "", "person", "place", "organisation", "proper", "noun", "verb", "adjective", "other");

  static final int PERSON = 1;
  static final int PLACE = 2;
  static final int ORGANISATION = 3;
  static final int PROPER = 4;
  static final int NOUN = 5;
  static final int VERB = 6;
  static final int ADJECTIVE = 7;
  static final int OTHER = 8;

  /** How many match codes there are: {@code class * 8 + min(length, 7)}, 0 for none. */
  static final int CODES = (OTHER + 1) * 8;

  /** Part-of-speech prefixes, the longer before the shorter they begin with (nr before n). */
  private static final List<String> TAG_PREFIXES = List.of("nr", "ns", "nt", "n", "v", "a");

  private static final int[] TAG_CLASSES = {PERSON, PLACE, ORGANISATION, NOUN, VERB, ADJECTIVE};

  static final WordList EMPTY = new WordList(Map.of());

  /** A dictionary word: its class and how often the dictionary's corpus has it (at least 1). */
  record Word(int klass, int frequency) {}

  private static final long SEED = 0x9E3779B97F4A7C15L;

  private final Map<String, Word> words;
  private final long[] keys;
  private final byte[] classes;
  private final float[] costs; // a word's -ln(frequency / total), where its slot ends it
  private final float unknownCost; // a character that is no word of the list
  private final int mask;

  /** Words of one class each and frequency 1 (tests). */
  WordList(Map<String, Integer> classes) {
    this(words(classes));
  }

  /**
   * @param words each word (one to {@link #MAX_LENGTH} code points; longer ones are left out;
   *     single characters serve the segmentation only) and its class, an index into {@link
   *     #CLASSES}
   */
  WordList(Collection<Map.Entry<String, Word>> words) {
    var copy = new HashMap<String, Word>();
    words.forEach(word -> copy.put(word.getKey(), word.getValue()));
    this.words = Map.copyOf(copy);
    int entries = 0;
    double total = 1;
    for (var word : this.words.entrySet()) {
      entries += word.getKey().codePointCount(0, word.getKey().length());
      total += Math.max(1, word.getValue().frequency());
    }
    int size = Integer.highestOneBit(Math.max(16, entries * 2)) << 1;
    this.keys = new long[size];
    this.classes = new byte[size];
    this.costs = new float[size];
    this.mask = size - 1;
    // One more than a word seen once: any word of the list beats spelling it out by characters.
    this.unknownCost = (float) (Math.log(total) + 1);
    double logTotal = Math.log(total);
    this.words.forEach(
        (word, entry) -> {
          int length = word.codePointCount(0, word.length());
          int klass = entry.klass();
          if (length > MAX_LENGTH || klass <= 0 || klass >= CLASSES.size()) {
            return;
          }
          long h = SEED;
          int[] cps = word.codePoints().toArray();
          for (int i = 0; i < cps.length; i++) {
            h = step(h, cps[i]);
            int slot = slot(h);
            keys[slot] = h;
            if (i == cps.length - 1) {
              classes[slot] = (byte) klass;
              costs[slot] = (float) (logTotal - Math.log(Math.max(1, entry.frequency())));
            }
          }
        });
  }

  private static List<Map.Entry<String, Word>> words(Map<String, Integer> classes) {
    var out = new ArrayList<Map.Entry<String, Word>>();
    classes.forEach((word, klass) -> out.add(Map.entry(word, new Word(klass, 1))));
    return out;
  }

  /** The coarse class of a part-of-speech tag as HanLP and the PKU corpus write them. */
  static int classOf(String nature) {
    if (nature.equals("nz") || nature.equals("j")) {
      return PROPER;
    }
    for (int k = 0; k < TAG_PREFIXES.size(); k++) {
      if (nature.startsWith(TAG_PREFIXES.get(k))) {
        return TAG_CLASSES[k];
      }
    }
    return OTHER;
  }

  /**
   * Reads {@code word TAB part-of-speech [TAB frequency]} lines, gzipped.
   *
   * @throws IOException naming the file when it is missing or a line is malformed
   */
  static WordList read(Path file) throws IOException {
    var words = new ArrayList<Map.Entry<String, Word>>();
    try (var in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String[] fields = line.split("\t", -1);
        int frequency = 1;
        try {
          frequency = fields.length == 3 ? Integer.parseInt(fields[2]) : 1;
        } catch (NumberFormatException e) {
          fields = new String[0];
        }
        if (fields.length < 2 || fields.length > 3 || fields[0].isEmpty()) {
          throw new IOException(
              file + " line " + number + ": expected word TAB part of speech [TAB frequency]");
        }
        words.add(Map.entry(fields[0], new Word(classOf(fields[1]), frequency)));
      }
    }
    return new WordList(words);
  }

  int size() {
    return words.size();
  }

  /** The words in a stable order, for writing. */
  List<Map.Entry<String, Word>> entries() {
    var entries = new ArrayList<>(words.entrySet());
    entries.sort(Map.Entry.comparingByKey());
    return Collections.unmodifiableList(entries);
  }

  /**
   * For each position, the longest word beginning there, ending there and around it (beginning
   * before and ending after), each coded as {@code class * 8 + min(length, 7)}, 0 for none.
   */
  void match(int[] text, int[] begins, int[] ends, int[] inside) {
    int n = text.length;
    for (int s = 0; s < n; s++) {
      long h = SEED;
      for (int length = 1; length <= MAX_LENGTH && s + length <= n; length++) {
        h = step(h, text[s + length - 1]);
        int slot = find(h);
        if (slot < 0) {
          break;
        }
        int klass = classes[slot];
        if (klass == 0 || length < 2) {
          continue;
        }
        int code = klass * 8 + Math.min(length, 7);
        begins[s] = code;
        int e = s + length - 1;
        if (ends[e] == 0 || (ends[e] & 7) < length) {
          ends[e] = code;
        }
        for (int k = s + 1; k < e; k++) {
          if (inside[k] == 0 || (inside[k] & 7) < length) {
            inside[k] = code;
          }
        }
      }
    }
  }

  /**
   * Where the text's words begin and end, by the most probable segmentation into words of the list
   * (each word's cost its -ln frequency, a character of no word costs more than any word): {@code
   * result[i]} is whether a word boundary lies before code point {@code i}, for {@code i} from 0 to
   * the length. 系统 in 系统性红斑狼疮 or 卫生 in 卫生间 is no word of the text.
   */
  boolean[] boundaries(int[] text) {
    int n = text.length;
    float[] best = new float[n + 1];
    int[] from = new int[n + 1];
    java.util.Arrays.fill(best, Float.POSITIVE_INFINITY);
    best[0] = 0;
    for (int s = 0; s < n; s++) {
      float here = best[s];
      if (here + unknownCost < best[s + 1]) {
        best[s + 1] = here + unknownCost;
        from[s + 1] = s;
      }
      long h = SEED;
      for (int length = 1; length <= MAX_LENGTH && s + length <= n; length++) {
        h = step(h, text[s + length - 1]);
        int slot = find(h);
        if (slot < 0) {
          break;
        }
        if (classes[slot] != 0 && here + costs[slot] < best[s + length]) {
          best[s + length] = here + costs[slot];
          from[s + length] = s;
        }
      }
    }
    boolean[] out = new boolean[n + 1];
    for (int e = n; e > 0; e = from[e]) {
      out[e] = true;
    }
    out[0] = true;
    return out;
  }

  /** The class of {@code text[start, end)} as a word of the list, 0 when it is none. */
  int wordClass(int[] text, int start, int end) {
    long h = SEED;
    int slot = -1;
    for (int i = start; i < end; i++) {
      h = step(h, text[i]);
      slot = find(h);
      if (slot < 0) {
        return 0;
      }
    }
    return slot < 0 ? 0 : classes[slot];
  }

  private int slot(long h) {
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (keys[i] != 0 && keys[i] != h) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private int find(long h) {
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (keys[i] != 0) {
      if (keys[i] == h) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private static long step(long h, int codePoint) {
    long z = h + codePoint * 0xBF58476D1CE4E5B9L + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return z == 0 ? 1 : z;
  }
}
