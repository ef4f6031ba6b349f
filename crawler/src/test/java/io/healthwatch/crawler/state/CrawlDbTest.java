package io.healthwatch.crawler.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.CrawlState.Status;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.FrontierUrl.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrawlDbTest {
  private static final Instant T0 = Instant.parse("2024-05-14T02:00:00Z");

  private static CrawlState state(String url, String source) {
    return CrawlState.discovered(
        FrontierUrl.link(url, source, Role.ARTICLE, null, null, null, T0), T0, 1);
  }

  @Test
  void aUrlTheSchedulerIsDoneWithIsKeptAsAHashWithItsSourceAndStatus() {
    var db = new CrawlDb();
    db.open(0);
    var due = state("http://a.cn/1", "a");
    db.put(0, due);
    assertNotNull(db.live(0, "http://a.cn/1"));

    var gone = due.toBuilder().status(Status.GONE).nextFetch(null).build(2);
    db.put(0, gone);
    assertNull(db.live(0, "http://a.cn/1"));
    assertEquals(new CrawlDb.Ended("a", Status.GONE, false), db.ended(0, "http://a.cn/1"));
    assertTrue(db.known(0, "http://a.cn/1"));
    assertEquals(0, db.scheduledCount());
    assertEquals(1, db.size());
  }

  @Test
  void figuresCountEachUrlOnceByItsLatestStatusAndArticlesByWhenFirstPublished() {
    var db = new CrawlDb();
    db.open(0);
    db.open(1);
    Instant now = T0.plus(Duration.ofDays(3));
    var one = state("http://a.cn/1", "a");
    db.put(0, one);
    var published =
        one.toBuilder()
            .status(Status.FETCHED)
            .lastSuccess(now.minusSeconds(60))
            .published(now.minus(Duration.ofHours(30)))
            .nextFetch(null)
            .build(2);
    db.put(0, published);
    db.put(0, published.toBuilder().published(now.minusSeconds(60)).build(3)); // a revision
    db.put(1, state("http://b.cn/2", "a").toBuilder().published(now.minusSeconds(7200)).build(2));
    db.put(1, state("http://b.cn/3", "a"));

    var a = db.figures(now).get("a");
    assertEquals(1L, a.byStatus().get(Status.FETCHED));
    assertEquals(2L, a.byStatus().get(Status.DISCOVERED));
    assertEquals(1, a.articles24h(), "the revision does not count as another article");
    assertEquals(2, a.articles7d());
    assertEquals(now.minusSeconds(60), a.lastSuccess());

    db.drop(1);
    assertEquals(1, db.figures(now).get("a").articles7d(), "a partition handed over is not ours");
  }
}
