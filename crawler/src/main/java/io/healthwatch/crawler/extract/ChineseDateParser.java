package io.healthwatch.crawler.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publish times as Chinese news pages write them: {@code 2024-05-14 10:23}, {@code 2024/5/14},
 * {@code 2024年5月14日 10:23}, {@code 2024.05.14}, {@code 2024年5月14日 下午3:05}, ISO-8601 with or without
 * an offset, and the {@code 9/17/2004 5:54:13 AM} that ASP pages on IIS print by default. A time
 * without an offset is in the page's zone (Asia/Shanghai unless told otherwise).
 */
public final class ChineseDateParser {
  /** A time of day after a date: {@code 10:23}, {@code 10时23分}, with 上午/下午 or AM/PM. */
  private static final String TIME =
      "(?:[\\sT]*(上午|下午|晚上)?\\s*(\\d{1,2})[:：时](\\d{1,2})(?:[:：分](\\d{1,2}))?"
          + "\\s*([AaPp][Mm])?)?";

  private static final Pattern YEAR_FIRST =
      Pattern.compile(
          "(20\\d{2}|19\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*日?"
              + TIME);

  /** Month first, as en-US formats it; read day first when the first number cannot be a month. */
  private static final Pattern YEAR_LAST =
      Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(20\\d{2}|19\\d{2})(?!\\d)" + TIME);

  private final ZoneId zone;

  public ChineseDateParser(ZoneId zone) {
    this.zone = zone;
  }

  /** Parses a whole value such as a meta tag's content; ISO-8601 keeps its own offset. */
  public Optional<OffsetDateTime> parseValue(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    try {
      return Optional.of(OffsetDateTime.parse(trimmed));
    } catch (DateTimeParseException notIsoWithOffset) {
      // fall through to the page forms
    }
    return find(trimmed);
  }

  /** The first date (with its time, when written) found in running text. */
  public Optional<OffsetDateTime> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Found yearFirst = first(YEAR_FIRST.matcher(text), false);
    // The en-US form is rare: only looked for where a slash could start one.
    Found yearLast = text.indexOf('/') < 0 ? null : first(YEAR_LAST.matcher(text), true);
    Found earliest =
        yearFirst == null
            ? yearLast
            : yearLast == null || yearFirst.at <= yearLast.at ? yearFirst : yearLast;
    return earliest == null ? Optional.empty() : Optional.of(earliest.time);
  }

  private record Found(int at, OffsetDateTime time) {}

  private Found first(Matcher matcher, boolean yearLast) {
    while (matcher.find()) {
      try {
        int a = Integer.parseInt(matcher.group(1));
        int b = Integer.parseInt(matcher.group(2));
        int c = Integer.parseInt(matcher.group(3));
        LocalDate date =
            !yearLast
                ? LocalDate.of(a, b, c)
                : a > 12 ? LocalDate.of(c, b, a) : LocalDate.of(c, a, b);
        return new Found(
            matcher.start(), LocalDateTime.of(date, time(matcher)).atZone(zone).toOffsetDateTime());
      } catch (DateTimeException e) {
        // "2024-13-45" is not a date; keep looking
      }
    }
    return null;
  }

  private static LocalTime time(Matcher matcher) {
    if (matcher.group(5) == null) {
      return LocalTime.MIDNIGHT;
    }
    int hour = Integer.parseInt(matcher.group(5));
    String chinesePart = matcher.group(4);
    String latinPart = matcher.group(8);
    boolean afternoon =
        (chinesePart != null && !chinesePart.equals("上午"))
            || (latinPart != null && Character.toUpperCase(latinPart.charAt(0)) == 'P');
    boolean morning =
        "上午".equals(chinesePart)
            || (latinPart != null && Character.toUpperCase(latinPart.charAt(0)) == 'A');
    if (afternoon && hour < 12) {
      hour += 12;
    } else if (morning && hour == 12) {
      hour = 0;
    }
    return LocalTime.of(
        hour,
        Integer.parseInt(matcher.group(6)),
        matcher.group(7) == null ? 0 : Integer.parseInt(matcher.group(7)));
  }
}
