package io.healthwatch.crawler.fetch;

import io.healthwatch.contracts.message.CrawlState;
import java.time.Instant;

/**
 * One URL waiting for its turn: the state it is fetched from (validators, role, hints), when it may
 * go at the earliest, and how many immediate retries it has had.
 *
 * @param partition the frontier partition that owns the URL's host
 * @param politenessKey the queue it waits in
 * @param attempt 0 for a scheduled fetch, n for the n-th immediate retry
 */
public record FetchTask(
    CrawlState state, int partition, String politenessKey, Instant notBefore, int attempt) {

  public String url() {
    return state.url();
  }

  /** The same fetch tried again soon after a transient failure. */
  public FetchTask retry(Instant at) {
    return new FetchTask(state, partition, politenessKey, at, attempt + 1);
  }

  /** The same fetch once the host's turn comes (after a robots.txt fetch took the turn). */
  public FetchTask later(Instant at) {
    return new FetchTask(state, partition, politenessKey, at, attempt);
  }
}
