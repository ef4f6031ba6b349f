package io.healthwatch.enricher.window;

import io.healthwatch.contracts.message.IssueWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Assigns a publish time to its weekly issue window (start day 00:00 to the day before it, 24:00).
 */
public final class WeeklyWindows {
  private final ZoneId zone;
  private final DayOfWeek startDay;

  public WeeklyWindows(ZoneId zone, DayOfWeek startDay) {
    this.zone = zone;
    this.startDay = startDay;
  }

  public IssueWindow windowOf(OffsetDateTime publishedAt) {
    LocalDate day = publishedAt.atZoneSameInstant(zone).toLocalDate();
    LocalDate start = day.with(TemporalAdjusters.previousOrSame(startDay));
    return IssueWindow.of(start, start.plusDays(6));
  }
}
