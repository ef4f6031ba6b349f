package io.healthwatch.crawler.state;

import com.carrotsearch.hppc.LongIntHashMap;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.CrawlState.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The crawl states of the frontier partitions this instance owns, in memory: restored from the
 * status topic when a partition is assigned, kept up to date as URLs are fetched, dropped when the
 * partition goes to another instance. The topic is the truth; this is its working copy.
 *
 * <p>Memory is bounded by what is still scheduled: a URL the scheduler is done with (an article
 * past its re-fetch window, GONE, ERROR) is kept only as a 64-bit hash with its source and status
 * (about 13 bytes in the hash table), enough to know it when it is linked again and to count it.
 *
 * <p>Written by the crawl loop's thread only; gauges read the figures from other threads, so the
 * methods are synchronized (never contended in practice).
 */
public final class CrawlDb {
  private static final Status[] STATUSES = Status.values();

  private final Map<Integer, Shard> shards = new HashMap<>();
  private final Map<String, Integer> sourceIndex = new HashMap<>();
  private final List<String> sources = new ArrayList<>();

  /** One partition's URLs. */
  private static final class Shard {
    final Map<String, CrawlState> live = new HashMap<>();
    final LongIntHashMap done = new LongIntHashMap();
    final Map<String, SourceTally> tallies = new HashMap<>();

    SourceTally tally(String source) {
      return tallies.computeIfAbsent(source, s -> new SourceTally());
    }
  }

  /** What is known of a URL that is not scheduled any more. */
  public record Ended(String sourceId, Status status, boolean published) {}

  /** Starts (or restarts) a partition empty; {@link #put} then fills it. */
  public synchronized void open(int partition) {
    shards.put(partition, new Shard());
  }

  public synchronized void drop(int partition) {
    shards.remove(partition);
  }

  public synchronized boolean owns(int partition) {
    return shards.containsKey(partition);
  }

  public synchronized Set<Integer> partitions() {
    return Set.copyOf(shards.keySet());
  }

  /** The state of a URL that is still scheduled, or null. */
  public synchronized CrawlState live(int partition, String url) {
    Shard shard = shards.get(partition);
    return shard == null ? null : shard.live.get(url);
  }

  /** What is left of a URL the scheduler is done with, or null (unknown, or still scheduled). */
  public synchronized Ended ended(int partition, String url) {
    Shard shard = shards.get(partition);
    if (shard == null) {
      return null;
    }
    long hash = UrlHash.of(url);
    if (!shard.done.containsKey(hash)) {
      return null;
    }
    return decode(shard.done.get(hash));
  }

  public synchronized boolean known(int partition, String url) {
    return live(partition, url) != null || ended(partition, url) != null;
  }

  /** Every scheduled state of a partition (to queue them after a restore). */
  public synchronized Collection<CrawlState> scheduled(int partition) {
    Shard shard = shards.get(partition);
    return shard == null ? List.of() : List.copyOf(shard.live.values());
  }

  /**
   * Records a URL's new state (a later one replaces an earlier one, also while restoring in the
   * topic's order): counted by source and status, kept whole while scheduled, else as a hash.
   */
  public synchronized void put(int partition, CrawlState state) {
    Shard shard = shards.get(partition);
    if (shard == null) {
      throw new IllegalStateException("partition " + partition + " is not owned here");
    }
    long hash = UrlHash.of(state.url());
    CrawlState previous = shard.live.remove(state.url());
    boolean wasPublished;
    if (previous != null) {
      shard.tally(previous.sourceId()).count(previous.status(), -1);
      wasPublished = previous.firstPublished() != null;
    } else if (shard.done.containsKey(hash)) {
      Ended ended = decode(shard.done.remove(hash));
      shard.tally(ended.sourceId()).count(ended.status(), -1);
      wasPublished = ended.published();
    } else {
      wasPublished = false;
    }
    SourceTally tally = shard.tally(state.sourceId());
    tally.count(state.status(), 1);
    tally.seen(state);
    if (!wasPublished && state.firstPublished() != null) {
      tally.published(state.firstPublished());
    }
    if (state.scheduled()) {
      shard.live.put(state.url(), state);
    } else {
      shard.done.put(
          hash, encode(state.sourceId(), state.status(), state.firstPublished() != null));
    }
  }

  /** URLs held, scheduled and ended, over the owned partitions. */
  public synchronized long size() {
    return shards.values().stream().mapToLong(s -> s.live.size() + s.done.size()).sum();
  }

  public synchronized long scheduledCount() {
    return shards.values().stream().mapToLong(s -> s.live.size()).sum();
  }

  /** One source's figures over the owned partitions. */
  public record SourceFigures(
      String sourceId,
      Map<Status, Long> byStatus,
      Instant lastSuccess,
      long articles24h,
      long articles7d) {}

  /** Figures per source id over the owned partitions, sorted by id. */
  public synchronized Map<String, SourceFigures> figures(Instant now) {
    var byId = new TreeMap<String, List<SourceTally>>();
    for (Shard shard : shards.values()) {
      shard.tallies.forEach(
          (id, tally) -> byId.computeIfAbsent(id, k -> new ArrayList<>()).add(tally));
    }
    var out = new TreeMap<String, SourceFigures>();
    byId.forEach(
        (id, tallies) -> {
          var counts = new EnumMap<Status, Long>(Status.class);
          Instant last = null;
          long day = 0;
          long week = 0;
          for (SourceTally tally : tallies) {
            for (Status status : STATUSES) {
              counts.merge(status, tally.count(status), Long::sum);
            }
            if (tally.lastSuccess() != null
                && (last == null || tally.lastSuccess().isAfter(last))) {
              last = tally.lastSuccess();
            }
            day += tally.publishedWithin(Duration.ofHours(24), now);
            week += tally.publishedWithin(Duration.ofDays(7), now);
          }
          out.put(id, new SourceFigures(id, counts, last, day, week));
        });
    return out;
  }

  private int encode(String sourceId, Status status, boolean published) {
    int index =
        sourceIndex.computeIfAbsent(
            sourceId,
            id -> {
              sources.add(id);
              return sources.size() - 1;
            });
    return index << 4 | (published ? 1 << 3 : 0) | status.ordinal();
  }

  private Ended decode(int value) {
    return new Ended(sources.get(value >>> 4), STATUSES[value & 7], (value & 8) != 0);
  }
}
