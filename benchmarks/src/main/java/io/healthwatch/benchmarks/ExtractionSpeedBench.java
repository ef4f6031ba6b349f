package io.healthwatch.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Pages per second on one thread over all measured pages: a bare jsoup parse (the floor no
 * extractor can beat), healthwatch's extractor and Readability4J. As JMH does, each measurement
 * runs in a JVM of its own (the three share jsoup, and whichever runs first would otherwise shape
 * how the JIT compiles the parser for the others), and the forks take turns so that a busy moment
 * on a shared machine does not fall on one candidate only; the median fork counts.
 */
final class ExtractionSpeedBench {
  private static final int FORKS = 3;
  private static final int WARMUP_ROUNDS = 4;
  private static final int MEASURED_ROUNDS = 5;
  private static final List<String> CANDIDATES =
      List.of("jsoup-parse", "healthwatch", "readability4j");

  private ExtractionSpeedBench() {}

  static void run(Path data, int pageCount, PrintStream out)
      throws IOException, InterruptedException {
    Map<String, double[]> rates = new LinkedHashMap<>();
    CANDIDATES.forEach(c -> rates.put(c, new double[FORKS]));
    for (int fork = 0; fork < FORKS; fork++) {
      for (String candidate : CANDIDATES) {
        rates.get(candidate)[fork] = fork(candidate, data);
      }
    }
    double floor = median(rates.get("jsoup-parse"));
    out.printf("%-14s %10s %14s  %s%n", "extractor", "pages/s", "vs bare parse", "forks");
    for (var entry : rates.entrySet()) {
      double rate = median(entry.getValue());
      out.printf(
          "%-14s %10.1f %14.2f  %s%n",
          entry.getKey(),
          rate,
          rate / floor,
          Arrays.toString(Arrays.stream(entry.getValue()).mapToLong(Math::round).toArray()));
    }
    out.printf(
        "(median of %d forks, each %d warm-up and %d measured rounds over %d pages)%n",
        FORKS, WARMUP_ROUNDS, MEASURED_ROUNDS, pageCount);
  }

  /** Runs one candidate in a fresh JVM and reads the pages/s it prints. */
  private static double fork(String candidate, Path data) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Fork.class.getName(),
            candidate,
            data.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("speed fork for " + candidate + " failed: " + output.strip());
    }
    String[] lines = output.strip().split("\n");
    return Double.parseDouble(lines[lines.length - 1].strip());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The forked side: measures one candidate, prints its median round's pages/s last. */
  static final class Fork {
    private Fork() {}

    public static void main(String[] args) throws IOException {
      var candidate =
          switch (args[0]) {
            case "jsoup-parse" -> Extractors.bareParse();
            case "healthwatch" -> Extractors.healthwatch();
            case "readability4j" -> Extractors.readability4j();
            default -> throw new IllegalArgumentException("unknown candidate " + args[0]);
          };
      List<GoldPage> pages =
          GoldSets.load(Path.of(args[1])).values().stream().flatMap(List::stream).toList();
      for (int i = 0; i < WARMUP_ROUNDS; i++) {
        pass(candidate, pages);
      }
      var rounds = new ArrayList<Double>();
      long sink = 0;
      for (int i = 0; i < MEASURED_ROUNDS; i++) {
        long started = System.nanoTime();
        sink += pass(candidate, pages);
        rounds.add(pages.size() / ((System.nanoTime() - started) / 1e9));
      }
      double[] values = rounds.stream().mapToDouble(Double::doubleValue).toArray();
      System.out.println(sink == 42 ? "" : String.valueOf(median(values)));
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
