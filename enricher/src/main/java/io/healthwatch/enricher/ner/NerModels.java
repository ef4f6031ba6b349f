package io.healthwatch.enricher.ner;

import java.io.IOException;
import java.io.InputStream;

/** The model the enricher ships, loaded once from its class path. */
public final class NerModels {
  /** The resource's name carries the format: a model of another format is never picked up. */
  static final String RESOURCE = "ner-cluener-v" + NerModel.FORMAT + ".bin.gz";

  private NerModels() {}

  private static final class Loaded {
    static final NerModel MODEL = load();
  }

  /**
   * The shipped model, read once per process (it is immutable and shared by every tagger).
   *
   * @throws IllegalStateException naming the resource when it is missing or unreadable
   */
  public static NerModel shipped() {
    return Loaded.MODEL;
  }

  private static NerModel load() {
    try (InputStream in = NerModels.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the NER model "
                + RESOURCE
                + " is not on the class path (build the enricher, or train it: scripts/train-ner)");
      }
      return NerModel.read(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the NER model " + RESOURCE + " is unreadable: " + e.getMessage(), e);
    }
  }
}
