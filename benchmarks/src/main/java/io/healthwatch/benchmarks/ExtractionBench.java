package io.healthwatch.benchmarks;

import io.healthwatch.contracts.calendar.ChinaTime;
import io.healthwatch.crawler.date.DateParser;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Extraction quality per set, healthwatch and Readability4J side by side: body precision, recall
 * and F1 by the shingle metric, publish day accuracy where the gold has a date, title exact match
 * where the gold has a title.
 */
final class ExtractionBench {
  private static final DateParser DATES = new DateParser(ChinaTime.ZONE);

  private ExtractionBench() {}

  /** Per page: body F1 and dates, to find what kind of page an extractor gets wrong. */
  static void perPage(Map<String, List<GoldPage>> sets, PrintStream out) {
    var candidate = Extractors.healthwatch();
    for (var set : sets.entrySet()) {
      for (GoldPage page : set.getValue()) {
        var result = candidate.extract(page);
        var score = new ShingleScore();
        if (page.body() != null) {
          score.add(page.body(), result.body());
        }
        out.printf(
            "%-16s %-40s F1 %.3f P %.3f R %.3f date %s / gold %s%n",
            set.getKey(),
            page.id(),
            score.f1(),
            score.precision(),
            score.recall(),
            day(result.publishedAt()).orElse(null),
            day(page.publishedAt() == null ? null : page.publishedAt()).orElse(null));
      }
    }
  }

  /**
   * How sure each kind of date the extractor reads is, on pages whose gold has a day: a date read
   * from the text alone gives way to a feed's date (PublishTime), so its accuracy here is what that
   * rule risks when the feed is wrong and what it gains when the feed is right.
   */
  static void datesByEvidence(Map<String, List<GoldPage>> sets, PrintStream out) {
    var candidate = Extractors.healthwatch();
    out.printf("%-16s %-9s %5s %7s %9s%n", "set", "read from", "pages", "right", "with time");
    for (var set : sets.entrySet()) {
      var pages = new java.util.TreeMap<String, int[]>();
      for (GoldPage page : set.getValue()) {
        Optional<LocalDate> goldDay = day(page.publishedAt());
        if (goldDay.isEmpty()) {
          continue;
        }
        var result = candidate.extract(page);
        String from = result.dateFrom() == null ? "(none)" : result.dateFrom();
        int[] counts = pages.computeIfAbsent(from, k -> new int[3]);
        counts[0]++;
        counts[1] += goldDay.equals(day(result.publishedAt())) ? 1 : 0;
        counts[2] +=
            result.publishedAt() != null
                    && !OffsetDateTime.parse(result.publishedAt())
                        .toLocalTime()
                        .equals(java.time.LocalTime.MIDNIGHT)
                ? 1
                : 0;
      }
      pages.forEach(
          (from, c) ->
              out.printf("%-16s %-9s %5d %7d %9d%n", set.getKey(), from, c[0], c[1], c[2]));
    }
  }

  /**
   * The soak's own pages ({@link SoakBench#pages}: articles mixed from the sets' real paragraphs,
   * dated today), each as a live site in a demo outlet's layout serves it, read with the crawler's
   * extractor and its page-or-feed rule against a feed that dates them today too. Mixed paragraphs
   * quote other dates (an infobox's 出道日期, an album's 发行日期, a headline opening with a date), which
   * must not be taken for the page's: a wrong day here is an article the enricher refuses as
   * TOO_OLD.
   */
  static void soakPageDates(Map<String, List<GoldPage>> sets, int count, PrintStream out) {
    var outlets = io.healthwatch.devstack.sites.DemoCorpus.load().outlets();
    var extractor = new io.healthwatch.crawler.extract.ArticleExtractor(ChinaTime.ZONE);
    var pages = SoakBench.pages(EnricherBench.articles(sets, count), "dates");
    var byLayout = new java.util.TreeMap<String, int[]>();
    for (int i = 0; i < pages.size(); i++) {
      var article = pages.get(i);
      var outlet = outlets.get(i % outlets.size());
      byte[] page = io.healthwatch.devstack.sites.DemoSites.articlePage(outlet, article);
      LocalDate today = article.date().toLocalDate();
      var read =
          extractor.extract(
              org.jsoup.Jsoup.parse(
                  new String(page, java.nio.charset.Charset.forName(outlet.charset())),
                  article.link()),
              article.date().toInstant());
      var chosen =
          io.healthwatch.crawler.extract.PublishTime.choose(
              read.publishedAt(), read.dateEvidence(), article.date());
      int[] counts = byLayout.computeIfAbsent(outlet.layout(), k -> new int[3]);
      counts[0]++;
      counts[1] +=
          read.publishedAt() == null || !read.publishedAt().toLocalDate().equals(today) ? 1 : 0;
      counts[2] += chosen.toLocalDate().equals(today) ? 0 : 1;
    }
    out.printf("%-10s %7s %16s %18s%n", "layout", "pages", "page's day wrong", "chosen day wrong");
    byLayout.forEach((layout, c) -> out.printf("%-10s %,7d %16d %18d%n", layout, c[0], c[1], c[2]));
  }

  static void run(Map<String, List<GoldPage>> sets, PrintStream out) {
    var candidates = List.of(Extractors.healthwatch(), Extractors.readability4j());
    out.printf(
        "%-16s %-14s %5s  %7s %7s %7s  %-12s %-12s %-12s%n",
        "set",
        "extractor",
        "pages",
        "body-P",
        "body-R",
        "body-F1",
        "date(day)",
        "date(month)",
        "title");
    for (var set : sets.entrySet()) {
      for (var candidate : candidates) {
        var score = new ShingleScore();
        int dated = 0;
        int datesRight = 0;
        int monthDated = 0;
        int monthsRight = 0;
        int titled = 0;
        int titlesRight = 0;
        for (GoldPage page : set.getValue()) {
          Extractors.Result result;
          try {
            result = candidate.extract(page);
          } catch (RuntimeException e) {
            result = new Extractors.Result(null, null, null);
          }
          if (page.body() != null) {
            score.add(page.body(), result.body());
          }
          // Compared at the precision the gold gives: a day, or (in a column of its own) a month
          // when only that is written; a gold value that is not a date at all is left out.
          Optional<LocalDate> goldDay = day(page.publishedAt());
          Optional<YearMonth> goldMonth = month(page.publishedAt());
          if (goldDay.isPresent()) {
            dated++;
            datesRight += goldDay.equals(day(result.publishedAt())) ? 1 : 0;
          } else if (goldMonth.isPresent()) {
            monthDated++;
            monthsRight += goldMonth.equals(day(result.publishedAt()).map(YearMonth::from)) ? 1 : 0;
          }
          if (page.title() != null) {
            titled++;
            if (page.title()
                .strip()
                .equals(result.title() == null ? null : result.title().strip())) {
              titlesRight++;
            }
          }
        }
        out.printf(
            "%-16s %-14s %5d  %7.3f %7.3f %7.3f  %-12s %-12s %-12s%n",
            set.getKey(),
            candidate.name(),
            set.getValue().size(),
            score.precision(),
            score.recall(),
            score.f1(),
            ratio(datesRight, dated, candidate.name().equals("readability4j")),
            ratio(monthsRight, monthDated, candidate.name().equals("readability4j")),
            ratio(titlesRight, titled, false));
      }
    }
  }

  private static String ratio(int right, int total, boolean unsupported) {
    if (unsupported) {
      return "n/a";
    }
    return total == 0 ? "-" : String.format("%.3f (%d)", (double) right / total, total);
  }

  private static final java.util.regex.Pattern YEAR_MONTH =
      java.util.regex.Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})月?$");

  private static Optional<YearMonth> month(String value) {
    if (value == null) {
      return Optional.empty();
    }
    var m = YEAR_MONTH.matcher(value.strip());
    return m.matches()
        ? Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  private static Optional<LocalDate> day(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toLocalDate());
    } catch (RuntimeException notIso) {
      return DATES.parseValue(value).map(OffsetDateTime::toLocalDate);
    }
  }
}
