package io.healthwatch.crawler.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.CrawlState.Status;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.FrontierUrl.Role;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.TestConfigs;
import io.healthwatch.crawler.fetch.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrawlSchedulerTest {
  private static final Instant T0 = Instant.parse("2024-05-14T02:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private final CrawlScheduler scheduler =
      new CrawlScheduler(
          TestConfigs.crawler(
                  "schedule.maxFetchErrors", "4",
                  "schedule.errorBackoff", "PT5M",
                  "schedule.maxErrorBackoff", "PT15M",
                  "schedule.refetchWindow", "P1D",
                  "schedule.refetchEvery", "PT14H")
              .schedule(),
          new SplittableRandom(7));

  private static CrawlState article() {
    return CrawlScheduler.discovered(
        FrontierUrl.link("http://a.cn/1.html", "a", Role.ARTICLE, null, null, "http://a.cn/", T0),
        T0);
  }

  private static CrawlState entry() {
    return CrawlScheduler.discovered(
        FrontierUrl.link("http://a.cn/rss.xml", "a", Role.ENTRY, null, null, null, T0), T0);
  }

  @Test
  void aDiscoveredEntryPageIsReadLikeAnArticleAConfiguredOneForAsLongAsItIsConfigured() {
    var listed = new FetchOutcome.Fetched(200, null, null, null, false, "12 links");
    var configured = scheduler.afterFetch(entry(), listed, T0, HOUR).state();
    assertEquals(T0.plus(HOUR), configured.nextFetch());

    // A day's e-paper layout found on the home page: re-read every 14 h within the 1-day window.
    CrawlState layout =
        CrawlScheduler.discovered(
            FrontierUrl.link(
                "http://a.cn/2024-05/14/node_2.htm",
                "a",
                Role.ENTRY,
                null,
                null,
                "http://a.cn/",
                T0),
            T0);
    var first = scheduler.afterFetch(layout, listed, T0, HOUR).state();
    assertEquals(T0.plus(Duration.ofHours(14)), first.nextFetch());
    var second = scheduler.afterFetch(first, listed, first.nextFetch(), HOUR).state();
    assertNull(second.nextFetch(), "past the window: not read again");
  }

  private static FetchOutcome.Failed unavailable() {
    return new FetchOutcome.Failed(ReasonCode.HTTP_STATUS, 503, "HTTP 503", Failure.TRANSIENT);
  }

  private static FetchOutcome.Fetched published(String hash) {
    return new FetchOutcome.Fetched(200, "\"v1\"", null, hash, true, "published");
  }

  @Test
  void transientFailuresBackOffExponentiallyWithJitterThenEndInErrorWithADeadLetter() {
    CrawlState state = article();
    Instant now = T0;
    long[] expectedMinutes = {5, 10, 15};
    for (int i = 0; i < 3; i++) {
      var decision = scheduler.afterFetch(state, unavailable(), now, HOUR);
      state = decision.state();
      assertEquals(Status.FETCH_ERROR, state.status());
      assertEquals(i + 1, state.errorCount());
      assertFalse(decision.deadLetter());
      long waited = Duration.between(now, state.nextFetch()).toSeconds();
      long expected = expectedMinutes[i] * 60;
      assertTrue(
          waited >= expected * 0.8 && waited <= expected * 1.2,
          "retry " + (i + 1) + " after " + waited + " s");
      now = state.nextFetch();
    }
    var last = scheduler.afterFetch(state, unavailable(), now, HOUR);
    assertEquals(Status.ERROR, last.state().status());
    assertTrue(last.deadLetter());
    assertNull(last.state().nextFetch(), "an article that ended is not fetched again");
    assertTrue(last.state().message().contains("failed 4 times in a row"));
  }

  @Test
  void notFoundIsGoneAtOnceWithoutRetry() {
    var decision =
        scheduler.afterFetch(
            article(),
            new FetchOutcome.Failed(ReasonCode.HTTP_STATUS, 404, "HTTP 404", Failure.GONE),
            T0,
            HOUR);
    assertEquals(Status.GONE, decision.state().status());
    assertEquals(404, decision.state().httpStatus());
    assertNull(decision.state().nextFetch());
    assertTrue(decision.deadLetter());
  }

  @Test
  void articleIsReadAgainWithinItsRefetchWindowOnly() {
    var first = scheduler.afterFetch(article(), published("h1"), T0, HOUR).state();
    assertEquals(Status.FETCHED, first.status());
    assertEquals(T0.plus(Duration.ofHours(14)), first.nextFetch());
    assertEquals(T0, first.firstPublished());
    assertEquals("\"v1\"", first.etag());

    var unchanged =
        scheduler
            .afterFetch(
                first,
                new FetchOutcome.Fetched(304, null, null, null, false, "unchanged (304)"),
                first.nextFetch(),
                HOUR)
            .state();
    assertEquals("\"v1\"", unchanged.etag(), "a 304 keeps the validators");
    assertNull(unchanged.nextFetch(), "another 14 h would be past the 1-day window");
    assertEquals("h1", unchanged.contentHash());
  }

  @Test
  void entryPageIsReadEveryIntervalWhateverHappensAndFailuresRetrySooner() {
    var read = scheduler.afterFetch(entry(), published(null), T0, HOUR).state();
    assertEquals(T0.plus(HOUR), read.nextFetch());

    var failed = scheduler.afterFetch(read, unavailable(), T0, Duration.ofMinutes(2)).state();
    assertEquals(T0.plus(Duration.ofMinutes(2)), failed.nextFetch(), "never later than interval");

    var gone =
        scheduler.afterFetch(
            read,
            new FetchOutcome.Failed(ReasonCode.HTTP_STATUS, 404, "HTTP 404", Failure.GONE),
            T0,
            HOUR);
    assertEquals(Status.GONE, gone.state().status());
    assertEquals(T0.plus(HOUR), gone.state().nextFetch(), "a configured feed is kept on trying");
    var stillGone =
        scheduler.afterFetch(
            gone.state(),
            new FetchOutcome.Failed(ReasonCode.HTTP_STATUS, 404, "HTTP 404", Failure.GONE),
            T0.plus(HOUR),
            HOUR);
    assertFalse(stillGone.deadLetter(), "one dead letter when it ends, not one per read");
  }

  @Test
  void redirectRecordsTheTargetAndEndsAnArticleUrl() {
    var decision =
        scheduler.afterFetch(
            article(), new FetchOutcome.Redirected(301, "https://a.cn/1.html"), T0, HOUR);
    assertEquals(Status.REDIRECTED, decision.state().status());
    assertEquals("https://a.cn/1.html", decision.state().redirectedTo());
    assertNull(decision.state().nextFetch());
  }

  @Test
  void redirectHopIsDueUnlessTheTargetWasFetchedSinceTheRedirect() {
    var target = scheduler.afterFetch(article(), published("h"), T0, HOUR).state();
    var hopBefore =
        new FrontierUrl(
            1,
            target.url(),
            "a",
            Role.ARTICLE,
            null,
            null,
            T0.minusSeconds(60),
            "http://a.cn/old",
            List.of("http://a.cn/old"));
    assertNull(scheduler.rediscovered(target, hopBefore, T0.plusSeconds(1)));

    var hopAfter =
        new FrontierUrl(
            1,
            target.url(),
            "a",
            Role.ARTICLE,
            null,
            null,
            T0.plusSeconds(60),
            "http://a.cn/old",
            List.of("http://a.cn/old"));
    var due = scheduler.rediscovered(target, hopAfter, T0.plusSeconds(61));
    assertEquals(T0.plusSeconds(61), due.nextFetch());
    assertEquals(List.of("http://a.cn/old"), due.redirectChain());
    assertNull(
        scheduler
            .afterFetch(due, published("h"), T0.plusSeconds(62), HOUR)
            .state()
            .redirectChain());
  }

  @Test
  void linkedAgainChangesNothingButMissingHints() {
    var known = article();
    var again =
        FrontierUrl.link(
            known.url(), "a", Role.ARTICLE, null, null, "http://a.cn/", T0.plusSeconds(5));
    assertNull(scheduler.rediscovered(known, again, T0.plusSeconds(5)));
    var withTitle =
        FrontierUrl.link(known.url(), "a", Role.ARTICLE, "标题", null, "http://a.cn/", T0);
    assertEquals("标题", scheduler.rediscovered(known, withTitle, T0).hintTitle());
  }

  @Test
  void replayGivesACleanSlateDueAtOnce() {
    var ended =
        scheduler
            .afterFetch(
                article(),
                new FetchOutcome.Failed(ReasonCode.HTTP_STATUS, 404, "HTTP 404", Failure.GONE),
                T0,
                HOUR)
            .state();
    var replayed = scheduler.replayed(ended, T0.plusSeconds(10));
    assertEquals(Status.DISCOVERED, replayed.status());
    assertEquals(0, replayed.errorCount());
    assertEquals(T0.plusSeconds(10), replayed.nextFetch());
    assertTrue(replayed.seq() > ended.seq());
  }

  @Test
  void everyWriteOfAStateHasALargerSequenceNumber() {
    var state = article();
    long seq = state.seq();
    for (int i = 0; i < 3; i++) {
      state = scheduler.afterFetch(state, unavailable(), T0, HOUR).state();
      assertTrue(state.seq() > seq);
      seq = state.seq();
    }
  }

  @Test
  void backoffIsCappedAndNeverOverflows() {
    long capMillis = Duration.ofMinutes(15).toMillis();
    for (int errors : new int[] {1, 3, 30, 63, 100, Integer.MAX_VALUE}) {
      long millis = scheduler.backoff(errors).toMillis();
      assertTrue(millis > 0 && millis <= capMillis * 1.2, errors + " errors: " + millis);
    }
  }
}
