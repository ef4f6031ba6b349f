package io.healthwatch.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pages per second on one thread over all measured pages: a bare jsoup parse (the floor no
 * extractor can beat), healthwatch's extractor and Readability4J, in the same run. The candidates
 * take turns round by round and the median round counts, so a busy moment on a shared machine does
 * not fall on one candidate only.
 */
final class ExtractionSpeedBench {
  private static final int WARMUP_ROUNDS = 3;
  private static final int MEASURED_ROUNDS = 7;

  private ExtractionSpeedBench() {}

  static void run(List<GoldPage> pages, PrintStream out) {
    var candidates =
        List.of(Extractors.bareParse(), Extractors.healthwatch(), Extractors.readability4j());
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      for (var candidate : candidates) {
        pass(candidate, pages);
      }
    }
    var rates = new ArrayList<double[]>();
    candidates.forEach(c -> rates.add(new double[MEASURED_ROUNDS]));
    long sink = 0;
    for (int round = 0; round < MEASURED_ROUNDS; round++) {
      for (int c = 0; c < candidates.size(); c++) {
        long started = System.nanoTime();
        sink += pass(candidates.get(c), pages);
        rates.get(c)[round] = pages.size() / ((System.nanoTime() - started) / 1e9);
      }
    }
    double floor = median(rates.get(0));
    out.printf("%-14s %10s %14s%n", "extractor", "pages/s", "vs bare parse");
    for (int c = 0; c < candidates.size(); c++) {
      double rate = median(rates.get(c));
      out.printf(
          "%-14s %10.1f %14.2f%s%n",
          candidates.get(c).name(), rate, rate / floor, sink == 42 ? " " : "");
    }
    out.printf("(median of %d interleaved rounds over %d pages)%n", MEASURED_ROUNDS, pages.size());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Returns something derived from the results so the JIT cannot drop the work. */
  private static long pass(Extractors.Candidate candidate, List<GoldPage> pages) {
    long sink = 0;
    for (GoldPage page : pages) {
      try {
        var result = candidate.extract(page);
        sink += result.body() == null ? 0 : result.body().length();
      } catch (RuntimeException e) {
        sink++;
      }
    }
    return sink;
  }
}
