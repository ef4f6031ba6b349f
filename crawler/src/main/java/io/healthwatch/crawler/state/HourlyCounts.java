package io.healthwatch.crawler.state;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts of events per hour over the last week: "articles in 24 h / 7 d" without a list of them.
 */
final class HourlyCounts {
  static final int HOURS = 7 * 24;

  private final int[] counts = new int[HOURS];
  private final long[] hourOf = new long[HOURS];

  void add(Instant at, int delta) {
    long hour = at.getEpochSecond() / 3600;
    int slot = (int) Math.floorMod(hour, (long) HOURS);
    if (hourOf[slot] != hour) {
      if (hourOf[slot] > hour) {
        return; // older than the week the slot now holds
      }
      hourOf[slot] = hour;
      counts[slot] = 0;
    }
    counts[slot] += delta;
  }

  /** Events in the {@code window} before {@code now} (hour resolution, at most a week). */
  long within(Duration window, Instant now) {
    long nowHour = now.getEpochSecond() / 3600;
    long first = nowHour - Math.min(HOURS, window.toHours()) + 1;
    long total = 0;
    for (int slot = 0; slot < HOURS; slot++) {
      if (hourOf[slot] >= first && hourOf[slot] <= nowHour) {
        total += counts[slot];
      }
    }
    return total;
  }
}
