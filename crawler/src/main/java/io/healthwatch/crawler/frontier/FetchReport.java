package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.crawler.fetch.FetchTask;
import io.healthwatch.crawler.schedule.FetchOutcome;
import java.time.Instant;
import java.util.List;

/** What a fetch thread hands back to the crawl loop, which owns the states. */
sealed interface FetchReport {
  /** One partition's report: dropped when the partition has gone to another instance. */
  int partition();

  /**
   * A URL was fetched (or failed for the last time in this round).
   *
   * @param links what it linked to (feed items, child sitemaps, a redirect's target): recorded
   *     before the URL's own new state, so a crash cannot lose them
   * @param published the send of the article it published, or null: acknowledged before the URL's
   *     new state is written
   */
  record UrlFetched(
      FetchTask task,
      FetchOutcome outcome,
      List<FrontierUrl> links,
      java.util.concurrent.Future<?> published,
      Instant at)
      implements FetchReport {
    @Override
    public int partition() {
      return task.partition();
    }
  }

  /** A host's robots.txt was read (or could not be), for its own state. */
  record RobotsRead(
      int partition, String robotsUrl, String sourceId, FetchOutcome outcome, Instant at)
      implements FetchReport {}
}
