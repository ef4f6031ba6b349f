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
