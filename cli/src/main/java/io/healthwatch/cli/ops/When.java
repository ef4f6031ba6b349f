package io.healthwatch.cli.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times as an operator reads them at a glance: "2026-12-02 08:15Z (3 min ago)". */
public final class When {
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private When() {}

  public static String of(Instant at, Instant now) {
    if (at == null) {
      return "-";
    }
    Duration d = Duration.between(at, now);
    String relative = d.isNegative() ? "in " + span(d.negated()) : span(d) + " ago";
    return SHORT.format(at) + " (" + relative + ")";
  }

  /** "42 s", "3 min", "5 h", "2 d". */
  public static String span(Duration d) {
    long s = d.getSeconds();
    if (s < 120) {
      return s + " s";
    }
    if (s < 2 * 3600) {
      return s / 60 + " min";
    }
    if (s < 2 * 86400) {
      return s / 3600 + " h";
    }
    return s / 86400 + " d";
  }

  /**
   * {@code --since}: an ISO instant (2026-12-01T08:00:00Z), a date (2026-12-01, from midnight UTC)
   * or a duration back from now (P7D, PT24H).
   */
  public static Instant since(String text, Instant now) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        return now.minus(Duration.parse(t.toUpperCase()));
      }
      if (t.length() == 10) {
        return java.time.LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(t).truncatedTo(ChronoUnit.MILLIS);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--since takes an instant (2026-12-01T08:00:00Z), a date (2026-12-01) or a duration"
              + " back from now (P7D, PT24H); got '"
              + text
              + "'");
    }
  }
}
