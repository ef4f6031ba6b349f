package io.healthwatch.contracts.calendar;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.message.IssueWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The reports' week: seven days from {@code startDay} 00:00 to the day before it, 24:00, counted in
 * {@code zone}. The enricher assigns articles to its windows, the editorial service publishes and
 * shows them; both ask this value, so a changed start day or zone changes every one of them alike.
 *
 * @param zone where the week's days are counted (the reports: Asia/Shanghai)
 * @param startDay the first day of a week (the reports: SATURDAY, so a week ends on a Friday)
 */
public record WeeklyCalendar(ZoneId zone, DayOfWeek startDay) {
  /** The weekly report's: Saturday to Friday, China time. */
  public static final WeeklyCalendar REPORTS =
      new WeeklyCalendar(ChinaTime.ZONE, DayOfWeek.SATURDAY);

  public static final int DAYS = 7;

  public WeeklyCalendar {
    ConfigException.require(
        zone != null, "calendar.zone", zone, "a time zone such as Asia/Shanghai");
    ConfigException.require(
        startDay != null, "calendar.startDay", startDay, "a day such as SATURDAY");
  }

  /** The last day of a week. */
  public DayOfWeek endDay() {
    return startDay.minus(1);
  }

  /** The day an instant falls on, in the calendar's zone. */
  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** The window a publication time falls in. */
  public IssueWindow windowOf(OffsetDateTime time) {
    return windowOf(time.toInstant());
  }

  public IssueWindow windowOf(Instant instant) {
    LocalDate start = dayOf(instant).with(TemporalAdjusters.previousOrSame(startDay));
    return IssueWindow.of(start, start.plusDays(DAYS - 1));
  }

  /**
   * The window ending on a day.
   *
   * @throws IllegalArgumentException when no week of this calendar ends on that day: a date typed
   *     for another calendar would otherwise name a week that holds no article
   */
  public IssueWindow windowEndingOn(LocalDate end) {
    if (end.getDayOfWeek() != endDay()) {
      throw new IllegalArgumentException(
          end
              + " is a "
              + end.getDayOfWeek()
              + "; weeks of this calendar ("
              + startDay
              + " to "
              + endDay()
              + ", "
              + zone
              + ") end on a "
              + endDay());
    }
    return IssueWindow.of(end.minusDays(DAYS - 1), end);
  }

  /** The first instant of a day, in the calendar's zone (a day's filters start here). */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** When a window is over: no article published later belongs to it. */
  public Instant closesAt(IssueWindow window) {
    return startOf(window.end().plusDays(1));
  }

  /** When a window's issue may be published: it has closed and late articles had {@code grace}. */
  public Instant publishableAt(IssueWindow window, Duration grace) {
    return closesAt(window).plus(grace);
  }
}
