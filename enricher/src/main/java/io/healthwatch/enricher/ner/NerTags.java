package io.healthwatch.enricher.ner;

import java.util.List;

/**
 * BIOES tags over entity types: 0 is outside; type k has Begin {@code 1+4k}, Inside {@code 2+4k},
 * End {@code 3+4k} and Single {@code 4+4k}. BIOES rather than BIO because the end of a Chinese name
 * is where its strongest evidence is (医院, 公司, 局), and an E tag lets the model learn it.
 */
final class NerTags {
  static final int OUTSIDE = 0;

  private final List<String> types;

  NerTags(List<String> types) {
    this.types = List.copyOf(types);
  }

  List<String> types() {
    return types;
  }

  int count() {
    return 1 + 4 * types.size();
  }

  static int begin(int type) {
    return 1 + 4 * type;
  }

  static int inside(int type) {
    return 2 + 4 * type;
  }

  static int end(int type) {
    return 3 + 4 * type;
  }

  static int single(int type) {
    return 4 + 4 * type;
  }

  /** The type of a tag, or -1 for outside. */
  static int typeOf(int tag) {
    return tag == OUTSIDE ? -1 : (tag - 1) / 4;
  }

  /** Whether a tag opens a new piece of text: outside, Begin or Single. */
  static boolean opens(int tag) {
    int role = tag == OUTSIDE ? -1 : (tag - 1) % 4;
    return tag == OUTSIDE || role == 0 || role == 3;
  }

  /** Whether a tag closes what came before it: outside, End or Single (or the start). */
  static boolean closes(int tag) {
    int role = tag == OUTSIDE ? -1 : (tag - 1) % 4;
    return tag == OUTSIDE || role == 2 || role == 3;
  }

  /** Whether {@code next} may follow {@code previous} (-1: the start of the text). */
  static boolean allowed(int previous, int next) {
    if (previous < 0 || closes(previous)) {
      return opens(next);
    }
    // previous is Begin or Inside of a type: only its Inside or End may follow
    int type = typeOf(previous);
    return next == inside(type) || next == end(type);
  }

  /** Whether a tag may end the text. */
  static boolean mayEnd(int tag) {
    return closes(tag);
  }
}
