package io.healthwatch.crawler.state;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.CrawlState.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * One source's figures over the URLs of one partition: URLs by status, the last successful fetch,
 * articles first published per hour. Summed over the partitions an instance owns for its gauges.
 */
public final class SourceTally {
  private final long[] byStatus = new long[Status.values().length];
  private final HourlyCounts published = new HourlyCounts();
  private Instant lastSuccess;

  void count(Status status, int delta) {
    byStatus[status.ordinal()] += delta;
  }

  void succeeded(Instant at) {
    if (at != null && (lastSuccess == null || at.isAfter(lastSuccess))) {
      lastSuccess = at;
    }
  }

  void published(Instant at) {
    published.add(at, 1);
  }

  void seen(CrawlState state) {
    succeeded(state.lastSuccess());
  }

  public long count(Status status) {
    return byStatus[status.ordinal()];
  }

  public Instant lastSuccess() {
    return lastSuccess;
  }

  public long publishedWithin(Duration window, Instant now) {
    return published.within(window, now);
  }
}
