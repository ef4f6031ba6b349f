package io.healthwatch.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.FrontierUrl.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FetchQueuesTest {
  private static final Instant T0 = Instant.parse("2024-05-14T02:00:00Z");

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    Instant now = T0;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final FetchQueues queues = new FetchQueues(clock, Duration.ofSeconds(1));

  private static FetchTask task(String host, String path, Instant due) {
    String url = "http://" + host + path;
    var state =
        CrawlState.discovered(
            FrontierUrl.link(url, "s", Role.ARTICLE, null, null, null, T0), T0, 1);
    return new FetchTask(state, 0, host, due, 0);
  }

  @Test
  void oneHostGivesOneUrlPerDelayAndNeverTwoAtOnce() {
    queues.offer(task("a.cn", "/1", T0));
    queues.offer(task("a.cn", "/2", T0));
    FetchTask first = queues.poll();
    assertEquals("http://a.cn/1", first.url());
    assertNull(queues.poll(), "the host's page is in flight");
    queues.release(first, null);
    assertNull(queues.poll(), "released, but the politeness delay has not passed");
    clock.now = T0.plusMillis(999);
    assertNull(queues.poll());
    clock.now = T0.plusSeconds(1);
    assertEquals("http://a.cn/2", queues.poll().url());
  }

  @Test
  void aSlowHostDoesNotHoldUpTheOthers() {
    queues.offer(task("a-slow.cn", "/1", T0));
    queues.offer(task("a-slow.cn", "/2", T0));
    queues.offer(task("b.cn", "/1", T0));
    queues.offer(task("c.cn", "/1", T0));
    FetchTask slow = queues.poll();
    assertEquals("a-slow.cn", slow.politenessKey());
    // a-slow.cn's page is still in flight: the other hosts go on.
    assertEquals("b.cn", queues.poll().politenessKey());
    assertEquals("c.cn", queues.poll().politenessKey());
    assertNull(queues.poll());
    assertEquals(3, queues.inFlight());
  }

  @Test
  void urlsWaitForTheirTimeAndRetryAfterHoldsTheWholeHost() {
    queues.offer(task("a.cn", "/later", T0.plusSeconds(30)));
    assertNull(queues.poll());
    assertEquals(0, queues.due());
    queues.offer(task("a.cn", "/now", T0));
    FetchTask now = queues.poll();
    queues.release(now, T0.plusSeconds(60)); // Retry-After: 60
    clock.now = T0.plusSeconds(45);
    assertNull(queues.poll(), "due, but the host asked to be left alone for a minute");
    clock.now = T0.plusSeconds(60);
    assertEquals("http://a.cn/later", queues.poll().url());
  }

  @Test
  void offeringAUrlAgainMovesItInsteadOfQueueingItTwice() {
    queues.offer(task("a.cn", "/1", T0.plusSeconds(3600)));
    queues.offer(task("a.cn", "/1", T0));
    assertEquals(1, queues.size());
    assertEquals("http://a.cn/1", queues.poll().url());
    assertEquals(0, queues.size());
  }

  @Test
  void aPartitionHandedOverDropsItsUrlsAndRefusesLateOnes() {
    var mine = task("a.cn", "/1", T0);
    var other = new FetchTask(task("b.cn", "/1", T0).state(), 1, "b.cn", T0, 0);
    queues.offer(mine);
    queues.offer(other);
    assertEquals(1, queues.closePartition(1).size());
    assertFalse(queues.offer(other), "a retry arriving after the hand-over is refused");
    assertEquals("http://a.cn/1", queues.poll().url());
    assertNull(queues.poll());
    queues.openPartition(1);
    assertTrue(queues.offer(other));
  }

  @Test
  void aSinglePassWaitsForDueUrlsAndSoonRetriesButNotForLaterSchedules() {
    queues.offer(task("a.cn", "/next-week", T0.plus(Duration.ofDays(7))));
    assertFalse(queues.busyUntil(T0));
    var retry = task("b.cn", "/1", T0).retry(T0.plusSeconds(2));
    queues.offer(retry);
    assertTrue(queues.busyUntil(T0), "an immediate retry is part of the pass");
  }

  @Test
  void takeWakesWhenTheEarliestHostIsReady() throws InterruptedException {
    var real = new FetchQueues(Clock.systemUTC(), Duration.ZERO);
    Instant due = Instant.now().plusMillis(150);
    real.offer(new FetchTask(task("a.cn", "/1", due).state(), 0, "a.cn", due, 0));
    long started = System.nanoTime();
    FetchTask taken = real.take(Duration.ofSeconds(5));
    long waitedMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals("http://a.cn/1", taken.url());
    assertTrue(waitedMillis >= 100 && waitedMillis < 2000, "waited " + waitedMillis + " ms");
  }
}
