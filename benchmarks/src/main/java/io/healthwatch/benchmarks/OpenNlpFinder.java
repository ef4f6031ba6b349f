package io.healthwatch.benchmarks;

import io.healthwatch.enricher.ner.NerCorpus;
import io.healthwatch.enricher.ner.NerModel;
import io.healthwatch.enricher.ner.TrainNer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP's name finder over characters: each code point a token (Chinese has no spaces to tokenize
 * on), the types those of {@link TrainNer#TYPES}, trained with the library's defaults.
 */
final class OpenNlpFinder {
  static final String VERSION = opennlp.tools.util.Version.currentVersion().toString();
  static final int ITERATIONS = 100;
  static final int CUTOFF = 5;

  private final NameFinderME finder;

  OpenNlpFinder(TokenNameFinderModel model) {
    this.finder = new NameFinderME(model);
  }

  static TokenNameFinderModel train(List<NerCorpus.Sentence> sentences) throws IOException {
    var samples = new ArrayList<NameSample>();
    for (NerCorpus.Sentence s : sentences) {
      var names = new ArrayList<Span>();
      for (NerModel.Entity e : s.gold()) {
        names.add(new Span(e.start(), e.end(), TrainNer.TYPES.get(e.type())));
      }
      samples.add(new NameSample(tokens(s.text()), names.toArray(Span[]::new), true));
    }
    var parameters = TrainingParameters.defaultParams();
    parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
    parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
    // One thread: the labeller and CRFsuite train on one too.
    parameters.put(TrainingParameters.THREADS_PARAM, 1);
    return NameFinderME.train(
        "zh",
        null,
        new CollectionObjectStream<>(samples),
        parameters,
        new TokenNameFinderFactory());
  }

  static long size(TokenNameFinderModel model) {
    var bytes = new ByteArrayOutputStream();
    try {
      model.serialize(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.size();
  }

  /** The names of one text; each text is a document of its own (no adaptive data carried on). */
  List<NerModel.Entity> find(int[] text) {
    var found = new ArrayList<NerModel.Entity>();
    for (Span span : finder.find(tokens(text))) {
      int type = TrainNer.TYPES.indexOf(span.getType());
      if (type >= 0) {
        found.add(new NerModel.Entity(span.getStart(), span.getEnd(), type));
      }
    }
    finder.clearAdaptiveData();
    return found;
  }

  private static String[] tokens(int[] text) {
    var tokens = new String[text.length];
    for (int i = 0; i < text.length; i++) {
      tokens[i] = new String(Character.toChars(text[i]));
    }
    return tokens;
  }
}
