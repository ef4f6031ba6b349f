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
 * {@code 2024年5月14日 10:23}, {@code 2024.05.14}, ISO-8601 with or without an offset. A time without
 * an offset is in the page's zone (Asia/Shanghai unless told otherwise).
 */
public final class ChineseDateParser {
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(20\\d{2}|19\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
              + "(?:[\\sT]*(\\d{1,2})[:：时](\\d{1,2})(?:[:：分](\\d{1,2}))?)?");

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
    Matcher matcher = DATE_TIME.matcher(text);
    while (matcher.find()) {
      try {
        var date =
            LocalDate.of(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
        var time =
            matcher.group(4) == null
                ? LocalTime.MIDNIGHT
                : LocalTime.of(
                    Integer.parseInt(matcher.group(4)),
                    Integer.parseInt(matcher.group(5)),
                    matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)));
        return Optional.of(LocalDateTime.of(date, time).atZone(zone).toOffsetDateTime());
      } catch (DateTimeException e) {
        // "2024-13-45" is not a date; keep looking
      }
    }
    return Optional.empty();
  }
}
