package io.healthwatch.enricher.dedup;

import java.util.Arrays;

/**
 * A text as reprint detection reads it: its sentences, each folded to simplified script, letters
 * and digits only, lower case; sentences shorter than {@link #MIN_SENTENCE} (a source or editor's
 * line) or made mostly of digits (a date line) are left out. Two things are kept: the hashed {@link
 * #SHINGLE}-character shingles of every sentence (not across sentences, which reprints split and
 * join), sorted and distinct, to measure how much of one story the other holds; and one anchor per
 * sentence, its smallest shingle hash, to look candidates up by: an anchor survives truncation,
 * other furniture around the story and edits elsewhere in its sentence.
 */
public record Story(int[] shingles, long[] anchors) {
  static final int MIN_SENTENCE = 8;
  static final int SHINGLE = 5;

  public static Story of(String text) {
    return of(text, anchor -> true);
  }

  /**
   * The story without the sentences whose anchor {@code keep} refuses: boilerplate that many
   * stories carry (a site's copyright line, a notice's template) is no evidence of a copy.
   */
  public static Story of(String text, java.util.function.LongPredicate keep) {
    var shingles = new int[Math.max(16, text.length())];
    int count = 0;
    var anchors = new long[16];
    int anchorCount = 0;
    int[] sentence = new int[text.length()];
    int length = 0;
    int letters = 0;
    for (int i = 0; i <= text.length(); ) {
      int c = i < text.length() ? text.codePointAt(i) : '\n';
      i += i < text.length() ? Character.charCount(c) : 1;
      if (Character.isLetterOrDigit(c)) {
        sentence[length++] = Character.toLowerCase(ScriptFolding.fold(c));
        letters += Character.isDigit(c) ? 0 : 1;
        continue;
      }
      if (!isSentenceEnd(c)) {
        continue;
      }
      // A date or time line ("2024-05-17 10:30") is each copy's own, not the story.
      if (length < MIN_SENTENCE || letters < MIN_SENTENCE / 2) {
        length = 0;
        letters = 0;
        continue;
      }
      letters = 0;
      long anchor = Long.MAX_VALUE;
      int first = count;
      for (int s = 0; s + SHINGLE <= length; s++) {
        int h = hash(sentence, s);
        if (count == shingles.length) {
          shingles = Arrays.copyOf(shingles, count * 2);
        }
        shingles[count++] = h;
        anchor = Math.min(anchor, h & 0xffffffffL);
      }
      length = 0;
      if (!keep.test(anchor)) {
        count = first;
        continue;
      }
      if (anchorCount == anchors.length) {
        anchors = Arrays.copyOf(anchors, anchorCount * 2);
      }
      anchors[anchorCount++] = anchor;
    }
    int[] distinct = Arrays.copyOf(shingles, count);
    Arrays.sort(distinct);
    int unique = 0;
    for (int k = 0; k < distinct.length; k++) {
      if (k == 0 || distinct[k] != distinct[k - 1]) {
        distinct[unique++] = distinct[k];
      }
    }
    long[] distinctAnchors = Arrays.stream(anchors, 0, anchorCount).sorted().distinct().toArray();
    return new Story(Arrays.copyOf(distinct, unique), distinctAnchors);
  }

  /** Distinct shingles: the story's size. */
  public int size() {
    return shingles.length;
  }

  /** Shingles both stories hold. */
  public int shared(Story other) {
    int[] a = shingles;
    int[] b = other.shingles;
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /**
   * How much of the smaller story the larger holds, 0 to 1: a truncated copy, or one inside other
   * furniture, is wholly contained in its original though their sizes differ.
   */
  public double containment(Story other) {
    int smaller = Math.min(size(), other.size());
    return smaller == 0 ? 0 : (double) shared(other) / smaller;
  }

  private static boolean isSentenceEnd(int c) {
    return switch (c) {
      case '。', '！', '？', '!', '?', '；', ';', '\n', '…' -> true;
      default -> false;
    };
  }

  /** FNV-1a over the shingle's code points, then mixed: an even spread for the anchors' minimum. */
  private static int hash(int[] text, int start) {
    int h = 0x811c9dc5;
    for (int k = start; k < start + SHINGLE; k++) {
      h = (h ^ text[k]) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
