package io.healthwatch.crawler.archive;

import io.healthwatch.crawler.fetch.FetchedPage;
import java.time.Instant;

/** Where fetched responses are kept, if anywhere. */
public interface PageArchive extends AutoCloseable {
  /** Keeps nothing (the default). */
  PageArchive NONE =
      new PageArchive() {
        @Override
        public void keep(FetchedPage page, String sourceId, Instant fetchedAt) {}

        @Override
        public void close() {}
      };

  /**
   * Keeps one response. Never throws: a full disk must not stop the crawl (it is logged and
   * counted).
   */
  void keep(FetchedPage page, String sourceId, Instant fetchedAt);

  @Override
  void close();
}
