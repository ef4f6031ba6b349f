package io.healthwatch.benchmarks;

import com.github.jcrfsuite.CrfTagger;
import com.github.jcrfsuite.CrfTrainer;
import io.healthwatch.enricher.ner.NerCorpus;
import io.healthwatch.enricher.ner.NerModel;
import io.healthwatch.enricher.ner.NerModels;
import io.healthwatch.enricher.ner.NerScore;
import io.healthwatch.enricher.ner.TrainNer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import third_party.org.chokkan.crfsuite.Attribute;
import third_party.org.chokkan.crfsuite.Item;
import third_party.org.chokkan.crfsuite.ItemSequence;
import third_party.org.chokkan.crfsuite.StringList;

/**
 * {@code scripts/bench ner-library [NER_DIR]}: the project's labeller next to maintained libraries
 * trained on the same CLUENER train split, scored the same way on CLUENER's dev sample, and timed
 * tagging the same texts (about 2,300 characters each, as a 6.8 KB article): a linear-chain CRF
 * (CRFsuite through jcrfsuite, L-BFGS) with the labeller's character templates, and OpenNLP's name
 * finder (maximum entropy, beam search) with its own default features, each character a token.
 */
final class NerLibraryBench {
  static final int ITERATIONS = 150;

  private NerLibraryBench() {}

  static void run(Path data, PrintStream out) throws Exception {
    Path train = data.resolve("cluener2020-train.jsonl");
    Path dev = data.resolve("cluener2020-dev.jsonl");
    if (!Files.isRegularFile(train) || !Files.isRegularFile(dev)) {
      out.println("CLUENER not found under " + data + ": skipping");
      return;
    }
    // The native library is loaded by jcrfsuite's own classes; load it before building items.
    com.github.jcrfsuite.util.CrfSuiteLoader.load();
    var trainSet = NerCorpus.read(train, TrainNer.TYPES, TrainNer.CLUENER);
    var devSet = NerCorpus.read(dev, TrainNer.TYPES, TrainNer.CLUENER);
    var sequences = new ArrayList<ItemSequence>();
    var labels = new ArrayList<StringList>();
    for (NerCorpus.Sentence s : trainSet) {
      sequences.add(items(s.text()));
      var tags = new StringList();
      for (int tag : NerCorpus.tags(s)) {
        tags.add(Integer.toString(tag));
      }
      labels.add(tags);
    }
    Path model = Files.createTempFile("healthwatch-crfsuite", ".model");
    long started = System.nanoTime();
    // CRFsuite's L-BFGS runs until it converges, which on this data took more than 400 iterations
    // (over 10 minutes here); 150 is where its held-out accuracy usually levels off.
    CrfTrainer.train(
        sequences,
        labels,
        model.toString(),
        "lbfgs",
        "crf1d",
        new com.github.jcrfsuite.util.Pair<>("max_iterations", Integer.toString(ITERATIONS)));
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    var tagger = new CrfTagger(model.toString());
    var crfScore = new NerScore();
    for (NerCorpus.Sentence s : devSet) {
      crfScore.add(s.gold(), crf(tagger, s.text()), TrainNer::scoredClass);
    }
    NerModel ours = NerModels.shipped();
    var ourScore = new NerScore();
    for (NerCorpus.Sentence s : devSet) {
      ourScore.add(s.gold(), ours.entities(s.text()), TrainNer::scoredClass);
    }
    var texts = articleSizedTexts(devSet);
    long chars = texts.stream().mapToLong(t -> t.length).sum();
    double crfRate = rate(texts, chars, t -> crf(tagger, t).size());
    double ourRate = rate(texts, chars, t -> ours.entities(t).size());
    out.printf(
        "CRFsuite (jcrfsuite 0.6.1, L-BFGS, %d iterations, the labeller's character templates but"
            + " the class patterns): trained in %.0f s, model %,d bytes%n%s",
        ITERATIONS, trainSeconds, Files.size(model), crfScore.table());
    out.printf("healthwatch labeller (the shipped model):%n%s", ourScore.table());
    Files.deleteIfExists(model);

    started = System.nanoTime();
    var finderModel = OpenNlpFinder.train(trainSet);
    double openNlpSeconds = (System.nanoTime() - started) / 1e9;
    var finder = new OpenNlpFinder(finderModel);
    var openNlpScore = new NerScore();
    for (NerCorpus.Sentence s : devSet) {
      openNlpScore.add(s.gold(), finder.find(s.text()), TrainNer::scoredClass);
    }
    double openNlpRate = rate(texts, chars, t -> finder.find(t).size());
    out.printf(
        "OpenNLP name finder (opennlp-tools %s, maxent, %d iterations, cutoff %d, default"
            + " features, beam %d): trained in %.0f s, model %,d bytes%n%s",
        OpenNlpFinder.VERSION,
        OpenNlpFinder.ITERATIONS,
        OpenNlpFinder.CUTOFF,
        opennlp.tools.namefind.NameFinderME.DEFAULT_BEAM_SIZE,
        openNlpSeconds,
        OpenNlpFinder.size(finderModel),
        openNlpScore.table());
    out.printf(
        "tagging speed, %d texts of ~2,300 characters, characters/s: healthwatch %.0f, CRFsuite %.0f"
            + " (healthwatch %.1fx), OpenNLP %.0f (healthwatch %.1fx)%n",
        texts.size(), ourRate, crfRate, ourRate / crfRate, openNlpRate, ourRate / openNlpRate);
  }

  /** The labeller's templates as CRFsuite attributes. */
  private static ItemSequence items(int[] text) {
    var sequence = new ItemSequence();
    for (int i = 0; i < text.length; i++) {
      String m2 = at(text, i - 2), m1 = at(text, i - 1), c0 = at(text, i);
      String p1 = at(text, i + 1), p2 = at(text, i + 2);
      var item = new Item();
      for (String feature :
          new String[] {
            "b",
            "c0=" + c0,
            "m1=" + m1,
            "p1=" + p1,
            "m2=" + m2,
            "p2=" + p2,
            "m1c0=" + m1 + c0,
            "c0p1=" + c0 + p1,
            "m2m1=" + m2 + m1,
            "p1p2=" + p1 + p2,
            "m1p1=" + m1 + p1,
            "m1c0p1=" + m1 + c0 + p1
          }) {
        item.add(new Attribute(feature));
      }
      sequence.add(item);
    }
    return sequence;
  }

  private static String at(int[] text, int i) {
    return i < 0 || i >= text.length ? "_" : new String(Character.toChars(text[i]));
  }

  private static List<NerModel.Entity> crf(CrfTagger tagger, int[] text) {
    var tagged = tagger.tag(items(text));
    int[] tags = new int[tagged.size()];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = Integer.parseInt(tagged.get(i).getFirst());
    }
    return NerModel.spans(tags);
  }

  private static List<int[]> articleSizedTexts(List<NerCorpus.Sentence> sentences) {
    var texts = new ArrayList<int[]>();
    var current = new StringBuilder();
    for (NerCorpus.Sentence s : sentences) {
      current.append(new String(s.text(), 0, s.text().length));
      if (current.length() > 2300) {
        texts.add(current.toString().codePoints().toArray());
        current.setLength(0);
      }
    }
    return texts;
  }

  private static double rate(
      List<int[]> texts, long chars, java.util.function.ToIntFunction<int[]> tag) {
    long sink = 0;
    for (int round = 0; round < 2; round++) {
      for (int[] t : texts) {
        sink += tag.applyAsInt(t);
      }
    }
    long started = System.nanoTime();
    for (int round = 0; round < 3; round++) {
      for (int[] t : texts) {
        sink += tag.applyAsInt(t);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9 / 3;
    return sink < 0 ? 0 : chars / seconds;
  }
}
