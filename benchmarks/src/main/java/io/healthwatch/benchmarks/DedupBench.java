package io.healthwatch.benchmarks;

import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.enricher.dedup.SimHash;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Near-duplicate detection on a labelled set of text pairs. Texts: the demo corpus (the seed
 * reports' articles and the distractors) and, when present, the bodies of the shared extraction
 * sets. Reprint pairs: each text and a copy made the way regional sites reprint a story (their own
 * header and editor's line, a dropped or shortened sentence, a changed word, a different
 * paragraphing, "原标题" lines). Distinct pairs: every pair of different texts, and pairs of different
 * stories that share a boilerplate paragraph (a press release's standard opening or closing). A
 * pair is predicted a duplicate when the fingerprints are within the distance.
 */
final class DedupBench {
  private static final int VARIANTS_PER_TEXT = 4;
  private static final int MIN_TEXT = 300;

  private record Pair(String a, String b, boolean duplicate) {}

  private DedupBench() {}

  static void run(Map<String, List<GoldPage>> sets, int configured, PrintStream out)
      throws IOException {
    List<String> texts = texts(sets);
    var random = new Random(20240517L);
    var pairs = new ArrayList<Pair>();
    for (String text : texts) {
      for (int v = 0; v < VARIANTS_PER_TEXT; v++) {
        pairs.add(new Pair(text, Reprints.reprint(text, random), true));
      }
    }
    for (int i = 0; i < texts.size(); i++) {
      for (int j = i + 1; j < texts.size(); j++) {
        pairs.add(new Pair(texts.get(i), texts.get(j), false));
      }
    }
    for (int i = 0; i + 1 < texts.size(); i += 2) {
      String shared = Reprints.BOILERPLATE.get(i / 2 % Reprints.BOILERPLATE.size());
      pairs.add(new Pair(shared + "\n" + texts.get(i), shared + "\n" + texts.get(i + 1), false));
      pairs.add(new Pair(texts.get(i) + "\n" + shared, texts.get(i + 1) + "\n" + shared, false));
    }
    long reprints = pairs.stream().filter(Pair::duplicate).count();
    out.printf(
        "%d texts; %d pairs: %d reprint pairs, %d distinct pairs%n",
        texts.size(), pairs.size(), reprints, pairs.size() - reprints);
    int[] distances = new int[pairs.size()];
    for (int k = 0; k < pairs.size(); k++) {
      distances[k] = SimHash.of(pairs.get(k).a()).distance(SimHash.of(pairs.get(k).b()));
    }
    out.printf("%-9s %9s %9s %9s %6s %6s%n", "distance", "precision", "recall", "F1", "FP", "FN");
    for (int threshold = 4; threshold <= 20; threshold++) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int k = 0; k < pairs.size(); k++) {
        boolean predicted = distances[k] <= threshold;
        boolean truth = pairs.get(k).duplicate();
        tp += predicted && truth ? 1 : 0;
        fp += predicted && !truth ? 1 : 0;
        fn += !predicted && truth ? 1 : 0;
      }
      double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
      double r = (double) tp / (tp + fn);
      out.printf(
          "%-9s %9.4f %9.4f %9.4f %6d %6d%n",
          threshold == configured ? "<= " + threshold + " *" : "<= " + threshold,
          p,
          r,
          2 * p * r / (p + r),
          fp,
          fn);
    }
    out.println("(* the configured dedup.maxDistance)");
  }

  private static List<String> texts(Map<String, List<GoldPage>> sets) {
    var texts = new ArrayList<String>();
    for (var article : DemoCorpus.load().articles()) {
      String body = String.join("\n", article.paragraphs());
      if (body.length() >= MIN_TEXT) {
        texts.add(body);
      }
    }
    for (var set : sets.entrySet()) {
      if (set.getKey().equals("demo-sites")) {
        continue;
      }
      for (GoldPage page : set.getValue()) {
        if (page.body() != null && page.body().length() >= MIN_TEXT) {
          texts.add(page.body());
        }
      }
    }
    return texts;
  }
}
