package io.healthwatch.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code scripts/bench extraction [DATA_DIR]}: extraction quality and speed ({@code -Dpages} via
 * JAVA_TOOL_OPTIONS prints per-page figures instead). DATA_DIR defaults to the shared extraction
 * data next to the checkout ({@code ../shared/extraction}); when it is absent only the demo sites
 * are measured, and the run says so.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("fetch")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      System.out.println("== fetching from many local hosts, politeness on");
      FetchBench.run(home, 200, 10, 200, System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("feeds")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      Path data =
          args.length > 1 ? Path.of(args[1]) : home.resolveSibling("shared").resolve("feeds");
      System.out.println(
          "== feed and sitemap readers on other projects' test suites (" + data + ")");
      FeedsBench.run(data, System.out);
      FeedSpeedBench.run(System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("crawlstate")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
      System.out.println("== the crawl-status store: restore time and memory");
      CrawlStateBench.run(home, count, System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("ner-library")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      Path data = args.length > 1 ? Path.of(args[1]) : home.resolveSibling("shared").resolve("ner");
      System.out.println("== the labeller next to CRFsuite and OpenNLP, same data");
      NerLibraryBench.run(data, System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("ner")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      Path file =
          args.length > 1
              ? Path.of(args[1])
              : home.resolveSibling("shared").resolve("ner").resolve("cluener2020-dev.jsonl");
      System.out.println("== entity recognition: the seed articles (hand-annotated)");
      NerBench.seeds(System.out);
      System.out.println();
      System.out.println("== entity recognition: CLUENER2020 (" + file + ")");
      NerBench.run(file, System.out);
      Path daily = file.resolveSibling("peoples-daily-dev.jsonl");
      System.out.println();
      System.out.println(
          "== entity recognition: People's Daily dev, the half not trained on (" + daily + ")");
      NerBench.peoplesDaily(daily, System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("enricher")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      System.out.println("== enricher speed");
      EnricherBench.run(
          GoldSets.load(home.resolveSibling("shared").resolve("extraction")), System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("indexer")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      System.out.println("== indexer speed into the local node");
      IndexerBench.run(
          EnricherBench.articles(
              GoldSets.load(home.resolveSibling("shared").resolve("extraction")), 3000),
          args.length > 1 ? List.of(args[1]) : List.of(),
          System.out);
      if (args.length > 1) {
        return; // one analysis asked for: the rates only
      }
      System.out.println();
      System.out.println(
          "== end-to-end latency: a live local site -> crawler -> enricher -> indexer"
              + " (scripts/bench latency COUNT for a longer run)");
      LatencyBench.run(home, 20, Duration.ofMillis(1500), System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("latency")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      int count = args.length > 1 ? Integer.parseInt(args[1]) : 40;
      System.out.println(
          "== end-to-end latency: a live local site -> crawler -> enricher -> indexer");
      LatencyBench.run(home, count, Duration.ofMillis(1500), System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("soak")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
      int hosts = args.length > 2 ? Integer.parseInt(args[2]) : 200;
      int alone = args.length > 3 ? Integer.parseInt(args[3]) : Math.min(count, 10_000);
      System.out.println(
          "== soak: many sites -> crawler -> enricher -> indexer, on the local services");
      SoakBench.run(home, count, hosts, alone, System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("relevance")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      Path pages =
          args.length > 1
              ? Path.of(args[1])
              : home.resolveSibling("shared").resolve("extraction").resolve("zh-handcrafted");
      System.out.println("== health-IT relevance (labelled articles)");
      RelevanceBench.run(pages, home.resolveSibling("shared").resolve("ner"), System.out);
      return;
    }
    if (args.length > 0 && args[0].equals("dedup")) {
      Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
      var sets = GoldSets.load(home.resolveSibling("shared").resolve("extraction"));
      var dedup =
          io.healthwatch.enricher.EnricherConfig.load(null, java.util.Map.of(), java.util.Map.of())
              .dedup();
      double minContainment = dedup.minContainment();
      System.out.println("== near-duplicate detection (synthetic reprints, labelled pairs)");
      DedupBench.run(sets, minContainment, System.out);
      System.out.println();
      System.out.println("== reprints as syndication makes them (real stories, real furniture)");
      DedupBench.syndicated(sets, minContainment, dedup.minContainmentSameSource(), System.out);
      return;
    }
    if (args.length == 0 || !args[0].equals("extraction")) {
      System.err.println(
          "usage: bench extraction [DATA_DIR] | bench fetch | bench crawlstate [COUNT] | bench feeds [DIR] | bench ner [FILE] | bench dedup | bench relevance [PAGES_DIR] | bench enricher | bench indexer [cjk|smartcn] | bench latency [COUNT] | bench soak [ARTICLES [HOSTS [ALONE]]]");
      System.exit(2);
    }
    Path home = Path.of(System.getProperty("healthwatch.home", ".")).toAbsolutePath().normalize();
    Path data =
        args.length > 1 ? Path.of(args[1]) : home.resolveSibling("shared").resolve("extraction");
    if (!Files.isDirectory(data)) {
      System.out.println(
          "shared extraction data not found at "
              + data
              + ": skipping those sets, measuring the demo sites only");
    }
    var sets = GoldSets.load(data);
    if (System.getProperty("pages") != null) {
      ExtractionBench.perPage(sets, System.out);
      return;
    }
    System.out.println("== extraction quality (" + data + ")");
    ExtractionBench.run(sets, System.out);
    System.out.println();
    System.out.println("== publish dates by where the page gives them (healthwatch)");
    ExtractionBench.datesByEvidence(sets, System.out);
    System.out.println();
    System.out.println(
        "== publish dates on the soak's pages (real paragraphs mixed, the demo layouts, a feed"
            + " dating them today)");
    ExtractionBench.soakPageDates(sets, 20_000, System.out);
    System.out.println();
    System.out.println("== extraction speed, one thread, all pages above");
    ExtractionSpeedBench.run(
        data, (int) sets.values().stream().mapToLong(List::size).sum(), System.out);
  }
}
