package io.healthwatch.enricher.tag;

import java.util.List;

/** Finds names beyond the curated lexicon in one line of text (UTF-16 offsets of that line). */
interface Recognizer {
  List<Span> recognize(String text);
}
