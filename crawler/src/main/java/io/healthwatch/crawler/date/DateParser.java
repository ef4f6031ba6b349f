package io.healthwatch.crawler.date;

import io.healthwatch.contracts.calendar.ChinaTime;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crawler's one reader of dates, for feeds, sitemaps and pages alike.
 *
 * <ul>
 *   <li>ISO-8601 and W3C dates keep their offset ({@code Z}, {@code +08:00}, {@code +0000});
 *   <li>RFC 822 / 1123 dates ({@code Tue, 14 May 2024 02:23:00 GMT}), with the usual zone names;
 *       {@code CST} is China Standard Time when the source's zone is at +08:00 (a Chinese feed),
 *       else US Central;
 *   <li>the forms of Chinese news pages: {@code 2024-05-14 10:23}, {@code 2024/5/14}, {@code
 *       2024年5月14日 下午3:05}, {@code 2024.05.14}, {@code 二〇二四年五月十四日}, and the {@code 9/17/2004
 *       5:54:13 AM} of ASP pages;
 *   <li>given the time of the fetch: relative forms ({@code 刚刚}, {@code 3小时前}, {@code 昨天 10:23})
 *       and a month and day with a time but no year ({@code 05-14 10:23}: the latest such time not
 *       after the fetch).
 * </ul>
 *
 * A time without an offset is in the source's zone (Asia/Shanghai unless the source says
 * otherwise), whatever the JVM's zone. An impossible date or time (31 June, hour 25, 99 Jun) is
 * refused, never rolled over.
 */
public final class DateParser {
  private static final ZoneId CHINA = ChinaTime.ZONE;

  /** A time of day after a date: {@code 10:23}, {@code 10时23分}, with 上午/下午 or AM/PM, an offset. */
  private static final String TIME =
      "(?:[\\sT]*(上午|下午|晚上)?\\s*(\\d{1,2})[:：时](\\d{1,2})(?:[:：分](\\d{1,2})(?:[.,]\\d+)?)?"
          + "\\s*([AaPp][Mm])?(?:\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|(?:GMT|UTC)[+-]\\d{1,2}(?::?\\d{2})?)(?![\\w:]))?)?";

  private static final Pattern YEAR_FIRST =
      Pattern.compile(
          "(20\\d{2}|19\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*[日号]?"
              + TIME);

  /** Month first, as en-US formats it; read day first when the first number cannot be a month. */
  private static final Pattern YEAR_LAST =
      Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(20\\d{2}|19\\d{2})(?!\\d)" + TIME);

  /** A month and day with a time but no year: {@code 05-14 10:23}, {@code 5月14日 10:23}. */
  private static final Pattern NO_YEAR =
      Pattern.compile(
          "(?<![\\d\\-/.年])(\\d{1,2})\\s*[-/月]\\s*(\\d{1,2})(?!\\d)\\s*[日号]?\\s+(\\d{1,2})[:：](\\d{2})(?!\\d)");

  private static final Pattern RELATIVE =
      Pattern.compile("(\\d{1,3})\\s*(秒|分钟|分鐘|小时|小時|天|日|周|星期)前");

  private static final Pattern DAY_WORD =
      Pattern.compile("(今天|今日|昨天|昨日|前天)\\s*(?:(\\d{1,2})[:：](\\d{2}))?");

  private static final Pattern CHINESE_DATE =
      Pattern.compile(
          "([〇○零一二三四五六七八九]{4})\\s*年\\s*([〇一二三四五六七八九十]{1,3})\\s*月\\s*([〇一二三四五六七八九十]{1,3})\\s*[日号]");

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
              + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

  private static final Pattern RFC_822 =
      Pattern.compile(
          "(?:[A-Za-z]{2,9},?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?\\s+(\\d{2,4})"
              + "(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  /** RFC 822 zone names, and the ones feeds use besides; CST is decided by the source's zone. */
  private static final Map<String, Integer> ZONE_HOURS =
      Map.ofEntries(
          Map.entry("UT", 0),
          Map.entry("UTC", 0),
          Map.entry("GMT", 0),
          Map.entry("Z", 0),
          Map.entry("EST", -5),
          Map.entry("EDT", -4),
          Map.entry("CDT", -5),
          Map.entry("MST", -7),
          Map.entry("MDT", -6),
          Map.entry("PST", -8),
          Map.entry("PDT", -7),
          Map.entry("BST", 1),
          Map.entry("CET", 1),
          Map.entry("CEST", 2),
          Map.entry("JST", 9),
          Map.entry("KST", 9),
          Map.entry("HKT", 8),
          Map.entry("SGT", 8),
          Map.entry("AEST", 10));

  private final ZoneId zone;
  private final boolean chinaTime;
  private final Instant fetchedAt;

  /**
   * @param zone where times without an offset are (the source's zone)
   */
  public DateParser(ZoneId zone) {
    this(zone, null);
  }

  private DateParser(ZoneId zone, Instant fetchedAt) {
    this.zone = zone;
    this.chinaTime =
        zone.getRules().getOffset(Instant.parse("2024-01-01T00:00:00Z")).getTotalSeconds()
            == 8 * 3600;
    this.fetchedAt = fetchedAt;
  }

  /** The same parser reading relative and year-less forms against a page's fetch time. */
  public DateParser withFetchTime(Instant at) {
    return new DateParser(zone, at);
  }

  /** Where times without an offset are. */
  public ZoneId zone() {
    return zone;
  }

  /** The parser for sources in China time. */
  public static DateParser china() {
    return new DateParser(CHINA);
  }

  /** A whole value (a meta tag, a feed's date), against this parser's fetch time if any. */
  public Optional<OffsetDateTime> parseValue(String value) {
    return parseValue(value, fetchedAt);
  }

  /**
   * A whole value: ISO-8601 or RFC 822 as written, else the first date in it.
   *
   * @param fetchedAt when the page was fetched, for relative and year-less forms; null: none
   */
  public Optional<OffsetDateTime> parseValue(String value, Instant fetchedAt) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.strip();
    Matcher iso = ISO.matcher(trimmed);
    if (iso.matches()) {
      return iso(iso);
    }
    Matcher rfc = RFC_822.matcher(trimmed);
    if (rfc.matches()) {
      return rfc822(rfc);
    }
    return find(trimmed, fetchedAt);
  }

  /**
   * The first date (with its time, when written) in running text, against this parser's fetch time
   * if any.
   */
  public Optional<OffsetDateTime> find(String text) {
    return find(text, fetchedAt);
  }

  /**
   * The first date in running text.
   *
   * @param fetchedAt when the page was fetched, for relative and year-less forms; null: none
   */
  public Optional<OffsetDateTime> find(String text, Instant fetchedAt) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String digits = CHINESE_DATE.matcher(text).find() ? chineseNumerals(text) : text;
    Found yearFirst = first(YEAR_FIRST.matcher(digits), false);
    // The en-US form is rare: only looked for where a slash could start one.
    Found yearLast = digits.indexOf('/') < 0 ? null : first(YEAR_LAST.matcher(digits), true);
    Found found = earlier(yearFirst, yearLast);
    if (fetchedAt != null) {
      found = earlier(found, relative(digits, fetchedAt));
      found = earlier(found, yearless(digits, fetchedAt));
    }
    return found == null ? Optional.empty() : Optional.of(found.time);
  }

  private record Found(int at, OffsetDateTime time) {}

  private static Found earlier(Found a, Found b) {
    if (a == null) {
      return b;
    }
    return b == null || a.at <= b.at ? a : b;
  }

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
        LocalDateTime local = LocalDateTime.of(date, time(matcher));
        String offset = matcher.group(9);
        if (offset != null
            && matcher.group(7) == null
            && Character.isDigit(offset.charAt(offset.length() - 1))
            && (offset.startsWith("+") || offset.startsWith("-"))) {
          // 9:00-11:30 is a range of hours; an offset in running text comes after seconds.
          offset = null;
        }
        return new Found(
            matcher.start(),
            offset == null
                ? local.atZone(zone).toOffsetDateTime()
                : local.atOffset(offset(offset)));
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

  /** {@code +0800}, {@code +08}, {@code +08:00}, {@code Z}, {@code GMT+8}, {@code UTC-05:00}. */
  private static ZoneOffset offset(String text) {
    String t = text.toUpperCase(Locale.ROOT);
    if (t.equals("Z")) {
      return ZoneOffset.UTC;
    }
    if (t.startsWith("GMT") || t.startsWith("UTC")) {
      t = t.substring(3);
    }
    String sign = t.substring(0, 1);
    String rest = t.substring(1).replace(":", "");
    int hours = Integer.parseInt(rest.length() <= 2 ? rest : rest.substring(0, rest.length() - 2));
    int minutes = rest.length() <= 2 ? 0 : Integer.parseInt(rest.substring(rest.length() - 2));
    int seconds = (hours * 3600 + minutes * 60) * (sign.equals("-") ? -1 : 1);
    return ZoneOffset.ofTotalSeconds(seconds);
  }

  private Optional<OffsetDateTime> iso(Matcher m) {
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      LocalTime time =
          m.group(4) == null
              ? LocalTime.MIDNIGHT
              : LocalTime.of(
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                  m.group(7) == null ? 0 : nanos(m.group(7)));
      LocalDateTime local = LocalDateTime.of(date, time);
      return Optional.of(
          m.group(8) == null
              ? local.atZone(zone).toOffsetDateTime()
              : local.atOffset(offset(m.group(8))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int nanos(String fraction) {
    return Integer.parseInt((fraction + "00000000").substring(0, 9));
  }

  private Optional<OffsetDateTime> rfc822(Matcher m) {
    Integer month = MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
    if (month == null || m.group(2).length() > 3 && !fullMonthName(m.group(2))) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year < 50 ? 2000 : 1900; // RFC 2822's reading of two-digit years
    } else if (m.group(3).length() == 3) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(1)));
      LocalTime time =
          m.group(4) == null
              ? LocalTime.MIDNIGHT
              : LocalTime.of(
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      LocalDateTime local = LocalDateTime.of(date, time);
      String zoneText = m.group(7);
      if (zoneText == null) {
        return Optional.of(local.atZone(zone).toOffsetDateTime());
      }
      ZoneOffset offset = namedOffset(zoneText);
      return offset == null ? Optional.empty() : Optional.of(local.atOffset(offset));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static boolean fullMonthName(String name) {
    return java.time.Month.of(MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT)))
        .name()
        .equalsIgnoreCase(name);
  }

  private ZoneOffset namedOffset(String text) {
    if (text.startsWith("+") || text.startsWith("-")) {
      return offset(text);
    }
    String name = text.toUpperCase(Locale.ROOT);
    if (name.equals("CST")) {
      return ZoneOffset.ofHours(chinaTime ? 8 : -6);
    }
    Integer hours = ZONE_HOURS.get(name);
    return hours == null ? null : ZoneOffset.ofHours(hours);
  }

  /** 刚刚, 3小时前, 昨天 10:23: counted back from the fetch, in the source's zone. */
  private Found relative(String text, Instant fetchedAt) {
    ZonedDateTime now = fetchedAt.atZone(zone);
    Found found = null;
    int just = text.indexOf("刚刚");
    if (just >= 0) {
      found = new Found(just, now.toOffsetDateTime());
    }
    Matcher ago = RELATIVE.matcher(text);
    if (ago.find()) {
      long n = Long.parseLong(ago.group(1));
      Duration back =
          switch (ago.group(2)) {
            case "秒" -> Duration.ofSeconds(n);
            case "分钟", "分鐘" -> Duration.ofMinutes(n);
            case "小时", "小時" -> Duration.ofHours(n);
            case "周", "星期" -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(n);
          };
      found = earlier(found, new Found(ago.start(), now.minus(back).toOffsetDateTime()));
    }
    Matcher day = DAY_WORD.matcher(text);
    if (day.find()) {
      int daysBack = day.group(1).startsWith("前") ? 2 : day.group(1).startsWith("昨") ? 1 : 0;
      try {
        LocalTime time =
            day.group(2) == null
                ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(day.group(2)), Integer.parseInt(day.group(3)));
        var at = now.toLocalDate().minusDays(daysBack).atTime(time).atZone(zone).toOffsetDateTime();
        found = earlier(found, new Found(day.start(), at));
      } catch (DateTimeException e) {
        // 昨天 25:00 is no time
      }
    }
    return found;
  }

  /** 05-14 10:23: the latest such time that is not after the fetch (a day's grace for clocks). */
  private Found yearless(String text, Instant fetchedAt) {
    Matcher m = NO_YEAR.matcher(text);
    ZonedDateTime now = fetchedAt.atZone(zone);
    while (m.find()) {
      try {
        int month = Integer.parseInt(m.group(1));
        int day = Integer.parseInt(m.group(2));
        LocalTime time = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        ZonedDateTime at = LocalDate.of(now.getYear(), month, day).atTime(time).atZone(zone);
        if (at.isAfter(now.plusDays(1))) {
          at = LocalDate.of(now.getYear() - 1, month, day).atTime(time).atZone(zone);
        }
        return new Found(m.start(), at.toOffsetDateTime());
      } catch (DateTimeException e) {
        // 02-30 is no date
      }
    }
    return null;
  }

  /** 二〇二四年五月十四日 as 2024年5月14日. */
  private static String chineseNumerals(String text) {
    Matcher m = CHINESE_DATE.matcher(text);
    var out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, digits(m.group(1)) + "年" + small(m.group(2)) + "月" + small(m.group(3)) + "日");
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String digits(String year) {
    var out = new StringBuilder();
    for (char c : year.toCharArray()) {
      out.append(digit(c));
    }
    return out.toString();
  }

  /** 五 5, 十 10, 十四 14, 二十 20, 三十一 31. */
  private static int small(String number) {
    int ten = number.indexOf('十');
    if (ten < 0) {
      return digit(number.charAt(0));
    }
    int tens = ten == 0 ? 1 : digit(number.charAt(0));
    int units = ten == number.length() - 1 ? 0 : digit(number.charAt(ten + 1));
    return tens * 10 + units;
  }

  private static int digit(char c) {
    return switch (c) {
      case '〇', '○', '零' -> 0;
      case '一' -> 1;
      case '二' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> throw new DateTimeException("not a Chinese digit: " + c);
    };
  }
}
