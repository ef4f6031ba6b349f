package io.healthwatch.indexer.bulk;

import io.healthwatch.contracts.message.CrawlState;
import java.net.URI;
import java.time.Instant;

/**
 * A URL's crawl state as stored in the crawl-status index: what operators query ("which URLs of 人民网
 * failed this week, and why") and dashboards aggregate; the host is split out to filter by.
 */
public record CrawlStatusDocument(
    String url,
    String host,
    String sourceId,
    String role,
    String status,
    int errorCount,
    Integer httpStatus,
    String reason,
    String message,
    String contentHash,
    String redirectedTo,
    String discoveredFrom,
    Instant firstSeen,
    Instant lastFetched,
    Instant lastSuccess,
    Instant nextFetch,
    Instant firstPublished,
    Instant lastPublished,
    long seq) {

  public static CrawlStatusDocument of(CrawlState state) {
    String host;
    try {
      host = URI.create(state.url()).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    return new CrawlStatusDocument(
        state.url(),
        host,
        state.sourceId(),
        state.role().name(),
        state.status().name(),
        state.errorCount(),
        state.httpStatus(),
        state.reason() == null ? null : state.reason().name(),
        state.message(),
        state.contentHash(),
        state.redirectedTo(),
        state.discoveredFrom(),
        state.firstSeen(),
        state.lastFetched(),
        state.lastSuccess(),
        state.nextFetch(),
        state.firstPublished(),
        state.lastPublished(),
        state.seq());
  }
}
