package io.healthwatch.enricher.tag;

import java.util.List;

/** Finds names beyond the curated lexicon in one line of text (UTF-16 offsets of that line). */
interface Recognizer {
  List<Span> recognize(String text);

  /** The recognizers a deployment can choose ({@code tagging.recognizer}). */
  enum Kind {
    /** The project's trained character labeller (enricher/README.md). */
    MODEL,
    /** HanLP's HMM recognizers with the institution-name grammar (the former default). */
    HANLP;

    Recognizer create() {
      return this == MODEL ? new ModelRecognizer() : new NameRecognizer();
    }
  }
}
