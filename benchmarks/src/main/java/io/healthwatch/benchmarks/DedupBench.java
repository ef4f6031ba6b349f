package io.healthwatch.benchmarks;

import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.enricher.dedup.SimHash;
import io.healthwatch.enricher.dedup.Story;
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

  /** The SimHash dedup of releases before issue 14 (15 of 128 bits), kept as the baseline. */
  static final int SIMHASH_BITS = 15;

  static void run(Map<String, List<GoldPage>> sets, double minContainment, PrintStream out)
      throws IOException {
    int configured = SIMHASH_BITS;
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
    out.println("(* the SimHash distance used until issue 14)");
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (var pair : pairs) {
      boolean predicted = Story.of(pair.a()).containment(Story.of(pair.b())) >= minContainment;
      tp += predicted && pair.duplicate() ? 1 : 0;
      fp += predicted && !pair.duplicate() ? 1 : 0;
      fn += !predicted && pair.duplicate() ? 1 : 0;
    }
    out.printf(
        "story containment >= %.2f (dedup.minContainment, nothing learnt as boilerplate): precision"
            + " %.4f, recall %.4f (%d FP, %d FN)%n",
        minContainment,
        tp + fp == 0 ? 1.0 : (double) tp / (tp + fp),
        (double) tp / (tp + fn),
        fp,
        fn);
  }

  /** Anchors in this many of the pages (story and furniture) are boilerplate, as the index says. */
  static final int BOILERPLATE_PAGES = 3;

  /**
   * The harder set ({@link Syndication}): today's SimHash at the configured distance next to story
   * containment, per kind of pair and over a sweep of thresholds.
   */
  static void syndicated(
      Map<String, List<GoldPage>> sets,
      double minContainment,
      double minContainmentSameSource,
      PrintStream out) {
    int maxDistance = SIMHASH_BITS;
    var sources = new ArrayList<Syndication.Source>();
    for (var article : DemoCorpus.load().articles()) {
      String body = String.join("\n", article.paragraphs());
      if (body.length() >= MIN_TEXT && !article.id().contains("reprint")) {
        sources.add(new Syndication.Source(body, List.of(), List.of()));
      }
    }
    for (GoldPage page : sets.getOrDefault("zh-handcrafted", List.of())) {
      if (page.body() != null && page.body().length() >= MIN_TEXT && page.html() != null) {
        sources.add(Syndication.source(page.html(), page.body()));
      }
    }
    if (sources.stream().noneMatch(s -> !s.header().isEmpty())) {
      out.println("../shared/extraction/zh-handcrafted not found: the harder set needs its pages");
      return;
    }
    var pairs = Syndication.pairs(sources, new Random(20261203L));
    // Boilerplate as the index learns it, in its steady state: an anchor on at least
    // BOILERPLATE_PAGES indexed pages. A site's furniture is on every page of that site, so all of
    // it; a notice's template is in every notice of the template; a story's own sentences are in
    // that story alone. Cold start (nothing learnt yet) is measured too.
    var documentsPerAnchor = new java.util.HashMap<Long, Integer>();
    var boilerplate = new java.util.HashSet<Long>();
    for (var source : sources) {
      // A line of the page's furniture that its story also holds is the story's (a repeated lead).
      var own = new java.util.HashSet<Long>();
      for (long anchor : Story.of(source.story()).anchors()) {
        own.add(anchor);
      }
      for (long anchor :
          Story.of(String.join("\n", source.header()) + "\n" + String.join("\n", source.footer()))
              .anchors()) {
        if (!own.contains(anchor)) {
          boilerplate.add(anchor);
        }
      }
      for (long anchor : Story.of(source.story()).anchors()) {
        documentsPerAnchor.merge(anchor, 1, Integer::sum);
      }
    }
    for (var pair : pairs) {
      if (pair.kind().equals("templated notice")) {
        for (long anchor : Story.of(pair.a()).anchors()) {
          documentsPerAnchor.merge(anchor, 1, Integer::sum);
        }
      }
    }
    documentsPerAnchor.forEach(
        (anchor, documents) -> {
          if (documents >= BOILERPLATE_PAGES) {
            boilerplate.add(anchor);
          }
        });
    java.util.function.LongPredicate notBoilerplate = anchor -> !boilerplate.contains(anchor);
    long duplicates = pairs.stream().filter(Syndication.Pair::duplicate).count();
    out.printf(
        "%d real stories (%d with their page's furniture); %d pairs: %d reprints, %d distinct%n",
        sources.size(),
        sources.stream().filter(s -> !s.header().isEmpty()).count(),
        pairs.size(),
        duplicates,
        pairs.size() - duplicates);
    double[] containment = new double[pairs.size()];
    double[] containmentAll = new double[pairs.size()];
    boolean[] simhash = new boolean[pairs.size()];
    boolean[] anchored = new boolean[pairs.size()];
    boolean[] anchoredAll = new boolean[pairs.size()];
    for (int k = 0; k < pairs.size(); k++) {
      var pair = pairs.get(k);
      Story a = Story.of(pair.a(), notBoilerplate);
      Story b = Story.of(pair.b(), notBoilerplate);
      containment[k] = a.containment(b);
      Story wholeA = Story.of(pair.a());
      Story wholeB = Story.of(pair.b());
      containmentAll[k] = wholeA.containment(wholeB);
      // Cold start, as the index would: found by a shared anchor, boilerplate and all.
      anchoredAll[k] = shareAnchor(wholeA, wholeB);
      simhash[k] = SimHash.of(pair.a()).distance(SimHash.of(pair.b())) <= maxDistance;
      anchored[k] = shareAnchor(a, b);
    }
    out.printf("%-30s %9s %9s %6s %6s%n", "method", "precision", "recall", "FP", "FN");
    line(out, "SimHash <= " + maxDistance + " bits (until 14)", pairs, k -> simhash[k]);
    sweep(out, pairs, "", 3, 8, minContainmentSameSource, anchored, containment);
    sweep(out, pairs, ", cold start", 5, 7, minContainmentSameSource, anchoredAll, containmentAll);
    line(
        out,
        "the same, one bar for all sources",
        pairs,
        k -> anchoredAll[k] && containmentAll[k] >= minContainment);
    // The lookup's cost: the story of each text, and one index read per anchor (plus one write per
    // anchor when the text is a new primary; the store's own cost is in bench enricher).
    var texts = new java.util.LinkedHashSet<String>();
    pairs.forEach(
        p -> {
          texts.add(p.a());
          texts.add(p.b());
        });
    long anchorCount = 0;
    long started = System.nanoTime();
    for (int round = 0; round < 3; round++) {
      for (String text : texts) {
        anchorCount += Story.of(text).anchors().length;
      }
    }
    double storyMs = (System.nanoTime() - started) / 1e6 / 3 / texts.size();
    double anchorsPerText = anchorCount / 3.0 / texts.size();
    out.printf(
        "lookup per article: its story %.3f ms, %.0f anchors = %.0f index reads (and as many writes"
            + " for a new primary), then one story per candidate read (at most 5); story index %.1f"
            + " GB per million articles (an 8-hex key and a 64-hex id per anchor, uncompressed),"
            + " next to the remembered tagged articles (bench enricher)%n",
        storyMs, anchorsPerText, anchorsPerText, anchorsPerText * 72 * 1e6 / 1e9);
    out.printf(
        "by kind (SimHash | containment >= %.2f | the same, cold start): found / pairs%n",
        minContainment);
    var kinds = new java.util.LinkedHashMap<String, int[]>();
    for (int k = 0; k < pairs.size(); k++) {
      int[] c = kinds.computeIfAbsent(pairs.get(k).kind(), x -> new int[4]);
      c[0] += simhash[k] ? 1 : 0;
      double bar = needed(pairs.get(k), minContainment, minContainmentSameSource);
      c[1] += anchored[k] && containment[k] >= bar ? 1 : 0;
      c[2] += anchoredAll[k] && containmentAll[k] >= bar ? 1 : 0;
      c[3]++;
    }
    kinds.forEach(
        (kind, c) ->
            out.printf(
                "  %-20s %-9s %4d | %4d | %4d / %d%n",
                kind,
                pairs.stream().filter(p -> p.kind().equals(kind)).findFirst().get().duplicate()
                    ? "reprint"
                    : "distinct",
                c[0],
                c[1],
                c[2],
                c[3]));
  }

  /** One line per threshold from {@code from}/10 to {@code to}/10: a shared anchor and enough. */
  private static void sweep(
      PrintStream out,
      List<Syndication.Pair> pairs,
      String label,
      int from,
      int to,
      double sameSource,
      boolean[] anchored,
      double[] containment) {
    for (int t = from; t <= to; t++) {
      double threshold = t / 10.0;
      line(
          out,
          String.format("containment >= %.1f%s", threshold, label),
          pairs,
          k -> anchored[k] && containment[k] >= needed(pairs.get(k), threshold, sameSource));
    }
  }

  /** The bar a pair must reach: within one source, dedup.minContainmentSameSource. */
  private static double needed(Syndication.Pair pair, double threshold, double sameSource) {
    return pair.sameSource() ? Math.max(threshold, sameSource) : threshold;
  }

  private static boolean shareAnchor(Story a, Story b) {
    var mine = new java.util.HashSet<Long>();
    for (long anchor : a.anchors()) {
      mine.add(anchor);
    }
    for (long anchor : b.anchors()) {
      if (mine.contains(anchor)) {
        return true;
      }
    }
    return false;
  }

  private static void line(
      PrintStream out,
      String method,
      List<Syndication.Pair> pairs,
      java.util.function.IntPredicate predicted) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int k = 0; k < pairs.size(); k++) {
      boolean p = predicted.test(k);
      boolean truth = pairs.get(k).duplicate();
      tp += p && truth ? 1 : 0;
      fp += p && !truth ? 1 : 0;
      fn += !p && truth ? 1 : 0;
    }
    out.printf(
        "%-30s %9.4f %9.4f %6d %6d%n",
        method, tp + fp == 0 ? 1.0 : (double) tp / (tp + fp), (double) tp / (tp + fn), fp, fn);
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
