package io.healthwatch.crawler.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.healthwatch.contracts.calendar.ChinaTime;
import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.extract.ArticleExtractor;
import io.healthwatch.crawler.feed.FeedReader;
import io.healthwatch.testkit.Infrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input for the parts that read what others wrote: the feed parser, the article extractor,
 * the date parser and the config loader get mutated real inputs (the feedparser test suite and the
 * handcrafted Chinese pages in ../shared when they are there, built-in samples always) from a fixed
 * seed, so a failure is reproducible by its number. Each input must end within a few seconds with a
 * result or the part's own clear error; anything else that escapes, a hang, or an OutOfMemoryError
 * fails with the input saved in target/fuzz/. Bounded in count and time.
 */
class HostileInputFuzzTest {
  private static final long SEED = 20261203L;
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final int MAX_INPUT = 2 << 20;
  private static final Path FAILURES = Path.of("target", "fuzz");

  /**
   * Longer than any input should take: the slowest seen, a 0.7 MB feed of unclosed items repeated
   * by the mutator, takes 4.4 s here, nearly all of it in Rome's own parse (it took 61 s before the
   * feed reader stopped searching nested items).
   */
  private static final int SECONDS_PER_INPUT = 15;

  @TempDir Path dir;

  /** Something a part does with one input; a checked exception it declares is its clear error. */
  @FunctionalInterface
  private interface Target {
    void accept(byte[] input) throws Exception;
  }

  @Test
  void theFeedParserEndsEveryInputWithItemsOrAOneLineError() throws Exception {
    var seeds = new ArrayList<byte[]>(builtInFeeds());
    seeds.addAll(shared("feeds/feedparser/tests", ".xml", 400));
    var dates = DateParser.china().withFetchTime(Instant.parse("2024-05-17T00:00:00Z"));
    fuzz(
        "feed",
        seeds,
        3_000,
        input -> {
          try {
            FeedReader.parse(input, "application/rss+xml", "https://news.example/rss.xml", dates);
          } catch (IOException clear) {
            if (clear.getMessage() == null || clear.getMessage().contains("\n")) {
              throw new AssertionError("not a one-line reason: " + clear.getMessage(), clear);
            }
          }
        });
  }

  @Test
  void theExtractorEndsEveryPageWithAResult() throws Exception {
    var seeds = new ArrayList<byte[]>(List.of(BUILT_IN_PAGE.getBytes(StandardCharsets.UTF_8)));
    seeds.addAll(shared("extraction/zh-handcrafted", ".html", 40));
    var extractor = new ArticleExtractor(ChinaTime.ZONE);
    fuzz(
        "extract",
        seeds,
        600,
        input ->
            extractor.extract(
                Jsoup.parse(
                    new String(input, StandardCharsets.UTF_8), "https://news.example/a.html"),
                Instant.parse("2024-05-17T00:00:00Z")));
  }

  @Test
  void theDateParserNeverThrows() throws Exception {
    var seeds =
        Stream.of(
                "2024-05-17 09:12:00",
                "2024年5月17日 09:12",
                "发布时间：2024-05-17 09:12 来源：新华网",
                "Fri, 17 May 2024 09:12:00 +0800",
                "2024-05-17T09:12:00+08:00",
                "昨天 09:12",
                "3小时前",
                "05-17 09:12")
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .toList();
    var dates = DateParser.china();
    fuzz(
        "date",
        seeds,
        20_000,
        input -> {
          String text = new String(input, StandardCharsets.UTF_8);
          dates.parseValue(text, Instant.parse("2024-05-17T00:00:00Z"));
          dates.find(text, Instant.parse("2024-05-17T00:00:00Z"));
        });
  }

  @Test
  void theConfigLoaderAnswersEveryFileWithAConfigOrAConfigError() throws Exception {
    byte[] defaults;
    try (var in =
        CrawlerConfig.class.getClassLoader().getResourceAsStream("crawler-defaults.yml")) {
      defaults = in.readAllBytes();
    }
    Path file = dir.resolve("crawler.yml");
    fuzz(
        "config",
        List.of(defaults, "kafka:\n  partitions: 3\n".getBytes(StandardCharsets.UTF_8)),
        1_500,
        input -> {
          Files.write(file, input);
          try {
            CrawlerConfig.load(file, Map.of(), Map.of());
          } catch (ConfigException clear) {
            // the loader's own error, naming the key or the line
          }
        });
  }

  /** Runs mutated seeds through a target until the count or the time budget is used up. */
  private static void fuzz(String name, List<byte[]> seeds, int count, Target target)
      throws Exception {
    var random = new Random(SEED);
    // One runner per part: a stuck input's thread is left behind, not handed the next part.
    var runner =
        Executors.newSingleThreadExecutor(
            r -> {
              var thread = new Thread(r, "fuzz-" + name);
              thread.setDaemon(true);
              return thread;
            });
    long deadline = System.nanoTime() + BUDGET_NANOS;
    int tried = 0;
    for (; tried < count && System.nanoTime() < deadline; tried++) {
      byte[] input = Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random, MAX_INPUT);
      Future<?> run =
          runner.submit(
              () -> {
                target.accept(input);
                return null;
              });
      try {
        run.get(SECONDS_PER_INPUT, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        run.cancel(true);
        fail(
            name
                + " input "
                + tried
                + " did not end within "
                + SECONDS_PER_INPUT
                + " s: "
                + saved(name, tried, input));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw new AssertionError(
            name + " input " + tried + " let " + cause + " escape: " + saved(name, tried, input),
            cause);
      }
    }
    runner.shutdownNow();
    System.out.printf(
        "fuzz %s: %d inputs tried (seed %d, %d seeds)%n", name, tried, SEED, seeds.size());
    assertTrue(tried >= Math.min(count, 200), name + ": only " + tried + " inputs in the budget");
  }

  private static String saved(String name, int number, byte[] input) {
    try {
      Files.createDirectories(FAILURES);
      return Files.write(FAILURES.resolve(name + "-" + number + ".bin"), input).toString();
    } catch (IOException e) {
      return "(not saved: " + e.getMessage() + ")";
    }
  }

  /** Files of a ../shared folder, or none (the built-in seeds still run) when it is absent. */
  private static List<byte[]> shared(String folder, String suffix, int most) throws IOException {
    Path root = Infrastructure.projectRoot().resolveSibling("shared").resolve(folder);
    if (!Files.isDirectory(root)) {
      System.out.println("fuzz: " + root + " absent, built-in seeds only");
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      var list = new ArrayList<byte[]>();
      for (Path p :
          files.filter(f -> f.toString().endsWith(suffix)).sorted().limit(most).toList()) {
        list.add(Files.readAllBytes(p));
      }
      return list;
    }
  }

  private static List<byte[]> builtInFeeds() {
    return Stream.of(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>新华网</title>"
                + "<item><title>医保码</title><link>https://news.example/a.html</link>"
                + "<pubDate>Fri, 17 May 2024 09:12:00 +0800</pubDate></item></channel></rss>",
            "<?xml version=\"1.0\" encoding=\"GBK\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>人民网</title>"
                + "<entry><title>互联网医院</title><link href=\"https://news.example/b.html\"/>"
                + "<updated>2024-05-17T09:12:00+08:00</updated></entry></feed>")
        .map(s -> s.getBytes(StandardCharsets.UTF_8))
        .toList();
  }

  private static final String BUILT_IN_PAGE =
      "<html><head><meta charset=\"utf-8\"><title>支付宝助力数字医疗服务提质升级_新华网</title>"
          + "<meta property=\"article:published_time\" content=\"2024-05-14T09:12:00+08:00\"></head>"
          + "<body><div class=\"nav\">首页 | 健康</div><h1>支付宝助力数字医疗服务提质升级</h1>"
          + "<div class=\"info\">2024-05-14 09:12:00 来源：新华网</div><div id=\"detail\">"
          + "<p>支付宝上线医保码，群众看病更方便。</p><p>医保码已覆盖全国三百多个城市。</p></div>"
          + "<div class=\"footer\">版权所有</div></body></html>";
}
