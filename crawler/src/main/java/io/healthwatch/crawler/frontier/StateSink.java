package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.FrontierUrl;
import java.util.concurrent.Future;

/** Where the owner's writes go: the status topic, the frontier, the dead letters. */
interface StateSink {
  /** A URL's new state, in the partition of its politeness key. */
  Future<?> state(int partition, CrawlState state);

  /** A URL for the instance that owns its host. */
  Future<?> link(String politenessKey, FrontierUrl url);

  void deadLetter(DeadLetter letter);

  /** Sends everything pending now and waits for the broker's answers. */
  void flush();
}
