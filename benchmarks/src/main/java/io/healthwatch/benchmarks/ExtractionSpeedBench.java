package io.healthwatch.benchmarks;

import java.io.PrintStream;
import java.util.List;

/**
 * Pages per second on one thread over all measured pages: a bare jsoup parse (the floor no
 * extractor can beat), healthwatch's extractor and Readability4J, in the same run.
 */
final class ExtractionSpeedBench {
  private static final int WARMUP_ROUNDS = 3;
  private static final int MEASURED_ROUNDS = 5;

  private ExtractionSpeedBench() {}

  static void run(List<GoldPage> pages, PrintStream out) {
    var candidates =
        List.of(Extractors.bareParse(), Extractors.healthwatch(), Extractors.readability4j());
    double floor = 0;
    out.printf("%-14s %10s %14s%n", "extractor", "pages/s", "vs bare parse");
    for (var candidate : candidates) {
      for (int i = 0; i < WARMUP_ROUNDS; i++) {
        pass(candidate, pages);
      }
      long started = System.nanoTime();
      long sink = 0;
      for (int i = 0; i < MEASURED_ROUNDS; i++) {
        sink += pass(candidate, pages);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double rate = pages.size() * MEASURED_ROUNDS / seconds;
      if (floor == 0) {
        floor = rate;
      }
      out.printf(
          "%-14s %10.1f %14.2f%s%n", candidate.name(), rate, rate / floor, sink == 42 ? " " : "");
    }
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
