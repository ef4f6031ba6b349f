package io.healthwatch.enricher.tag;

/**
 * An entity found in a text, in UTF-16 offsets of that text (converted to code points only when the
 * tagged article is written). A higher {@code rank} wins an overlap: the curated lexicon and 《》
 * titles over the trained recognizer, the recognizer over a place of its word list.
 */
record Span(String type, int start, int end, String normalized, int rank) {
  static final int LISTED = 0;
  static final int RECOGNIZED = 1;
  static final int LEXICON = 2;

  int length() {
    return end - start;
  }

  boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }
}
