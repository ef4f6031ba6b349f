package io.healthwatch.contracts.message;

import java.time.LocalDate;

/**
 * The weekly window of a report an article belongs to, both ends inclusive dates in the report's
 * time zone ({@link io.healthwatch.contracts.calendar.WeeklyCalendar} makes them).
 */
public record IssueWindow(String id, LocalDate start, LocalDate end) {
  public static IssueWindow of(LocalDate start, LocalDate end) {
    return new IssueWindow(start + "/" + end, start, end);
  }
}
