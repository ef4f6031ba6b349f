package io.healthwatch.contracts.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.IssueWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WeeklyCalendarTest {
  private static final WeeklyCalendar REPORTS = WeeklyCalendar.REPORTS;

  @Test
  void theReportsWeekRunsSaturdayToFridayChinaTime() {
    var issue575 = IssueWindow.of(LocalDate.of(2024, 5, 11), LocalDate.of(2024, 5, 17));
    assertEquals(issue575, REPORTS.windowOf(OffsetDateTime.parse("2024-05-11T00:00:00+08:00")));
    assertEquals(issue575, REPORTS.windowOf(OffsetDateTime.parse("2024-05-17T23:59:59+08:00")));
    // Friday 16:30 UTC is Saturday 00:30 in Beijing: the next week.
    assertEquals(
        LocalDate.of(2024, 5, 18), REPORTS.windowOf(Instant.parse("2024-05-17T16:30:00Z")).start());
    assertEquals(issue575, REPORTS.windowEndingOn(LocalDate.of(2024, 5, 17)));
    assertEquals(DayOfWeek.FRIDAY, REPORTS.endDay());
  }

  @Test
  void aWeekClosesAtTheNextStartDayAndIsPublishableAfterTheGrace() {
    var window = REPORTS.windowEndingOn(LocalDate.of(2024, 5, 17));
    assertEquals(Instant.parse("2024-05-17T16:00:00Z"), REPORTS.closesAt(window));
    assertEquals(
        Instant.parse("2024-05-17T18:00:00Z"), REPORTS.publishableAt(window, Duration.ofHours(2)));
  }

  @Test
  void anotherStartDayMovesEveryWindowAndADateEndingNoWeekIsRefused() {
    var mondays = new WeeklyCalendar(ZoneId.of("Europe/Berlin"), DayOfWeek.MONDAY);
    assertEquals(
        IssueWindow.of(LocalDate.of(2024, 5, 13), LocalDate.of(2024, 5, 19)),
        mondays.windowOf(OffsetDateTime.parse("2024-05-17T12:00:00+02:00")));
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> mondays.windowEndingOn(LocalDate.of(2024, 5, 17)));
    assertTrue(error.getMessage().contains("end on a SUNDAY"), error.getMessage());
  }
}
