package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.FrontierUrl.Role;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.CrawlMetrics;
import io.healthwatch.crawler.fetch.FetchQueues;
import io.healthwatch.crawler.fetch.FetchTask;
import io.healthwatch.crawler.fetch.Politeness;
import io.healthwatch.crawler.schedule.CrawlScheduler;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.crawler.state.CrawlDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The states and schedule of the frontier partitions this instance owns: every event that touches a
 * URL (named by a page, replayed, fetched) goes through here, is decided by the {@link
 * CrawlScheduler}, kept in the {@link CrawlDb}, written to the status topic and, when the URL is
 * due some time, queued in the {@link FetchQueues}. Used by the crawl loop's thread only.
 */
final class FrontierOwner {
  private static final Logger LOG = LoggerFactory.getLogger(FrontierOwner.class);

  private final CrawlDb db;
  private final CrawlScheduler scheduler;
  private final FetchQueues queues;
  private final Politeness politeness;
  private final StateSink sink;
  private final CrawlMetrics metrics;
  private final Map<String, Source> sources = new HashMap<>();
  private final Set<String> configuredEntries = new HashSet<>();
  private final Duration defaultInterval;
  private final int partitions;
  private final String frontierTopic;
  private final boolean singlePass;
  private final Clock clock;

  /** A URL whose links or article the broker did not take is read again this much later. */
  private static final Duration BROKER_RETRY = Duration.ofSeconds(5);

  /**
   * @param partitions of the frontier (and status) topic: where a politeness key belongs
   * @param singlePass a {@code --once} run: every entry page is due at once
   */
  FrontierOwner(
      CrawlDb db,
      CrawlScheduler scheduler,
      FetchQueues queues,
      Politeness politeness,
      StateSink sink,
      CrawlMetrics metrics,
      SourceRegistry registry,
      Duration defaultInterval,
      int partitions,
      String namespace,
      boolean singlePass,
      Clock clock) {
    this.db = db;
    this.scheduler = scheduler;
    this.queues = queues;
    this.politeness = politeness;
    this.sink = sink;
    this.metrics = metrics;
    for (Source source : registry.sources()) {
      sources.put(source.id(), source);
      if (source.needsBrowser() != null) {
        LOG.warn(
            "source {} skipped: it needs a browser ({}); its entry pages are not read",
            source.id(),
            source.needsBrowser());
      } else {
        configuredEntries.addAll(source.entryUrls());
      }
    }
    this.defaultInterval = defaultInterval;
    this.partitions = partitions;
    this.frontierTopic = Topics.FRONTIER.name(namespace);
    this.singlePass = singlePass;
    this.clock = clock;
  }

  /** The frontier partition a politeness key belongs to (as the producer's default partitioner). */
  static int partitionOf(String politenessKey, int partitions) {
    return Utils.toPositive(
            Utils.murmur2(politenessKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        % partitions;
  }

  int partitionOfUrl(String url) {
    return partitionOf(politeness.key(url), partitions);
  }

  /** A partition comes to this instance: its states follow ({@link #restored}), in order. */
  void opening(int partition) {
    queues.openPartition(partition);
    db.open(partition);
  }

  /** One state read back from the status topic. */
  void restored(int partition, CrawlState state) {
    db.put(partition, state);
  }

  /**
   * The partition's states are all back: configured entry pages that are new get a state, entry
   * pages no longer configured are retired, and everything scheduled is queued.
   */
  void opened(int partition) {
    Instant now = clock.instant();
    for (Source source : sources.values()) {
      for (String entry : source.entryUrls()) {
        if (configuredEntries.contains(entry) && partitionOfUrl(entry) == partition) {
          seedEntry(partition, source, entry, now);
        }
      }
    }
    int queued = 0;
    for (CrawlState state : db.scheduled(partition)) {
      CrawlState kept = retireIfUnconfigured(partition, state, now);
      if (kept != null) {
        schedule(partition, kept);
        queued++;
      }
    }
    LOG.info("partition {}: {} scheduled URLs queued", partition, queued);
  }

  private void seedEntry(int partition, Source source, String url, Instant now) {
    CrawlState state = db.live(partition, url);
    if (state == null) {
      if (db.ended(partition, url) == null) {
        LOG.info("new entry page source={} url={}", source.id(), url);
      }
      write(
          partition,
          CrawlScheduler.discovered(
              FrontierUrl.link(url, source.id(), Role.ENTRY, null, null, null, now), now));
      return;
    }
    CrawlState next =
        singlePass
            ? scheduler.dueNow(state, now)
            : scheduler.rescheduledEntry(state, intervalOf(source.id()), now);
    if (next != null) {
      write(partition, next);
    }
  }

  /**
   * An entry page whose source left the registry, or a configured one no longer configured, is not
   * read again; derived entry pages (child sitemaps, redirect targets) stay with their source.
   */
  private CrawlState retireIfUnconfigured(int partition, CrawlState state, Instant now) {
    if (state.role() != Role.ENTRY) {
      return state;
    }
    boolean sourceGone = !sources.containsKey(state.sourceId());
    boolean unconfigured =
        state.discoveredFrom() == null && !configuredEntries.contains(state.url());
    if (!sourceGone && !unconfigured) {
      if (singlePass && state.discoveredFrom() != null) {
        CrawlState due = scheduler.dueNow(state, now);
        write(partition, due);
        return due;
      }
      return state;
    }
    CrawlState retired =
        state.toBuilder()
            .nextFetch(null)
            .problem(
                null,
                sourceGone
                    ? "source no longer in the registry"
                    : "no longer a configured entry page")
            .build(Math.max(state.seq() + 1, now.toEpochMilli() * 1000));
    write(partition, retired);
    LOG.info("entry page retired url={}: {}", state.url(), retired.message());
    return null;
  }

  /** The partition went to another instance: its waiting URLs and states are dropped here. */
  void revoked(int partition) {
    queues.closePartition(partition);
    db.drop(partition);
  }

  /**
   * A frontier record: applied when its host is ours, else sent on to the owner (a record written
   * under another politeness setting).
   */
  void route(FrontierUrl url, boolean replay) {
    String key = politeness.key(url.url());
    int partition = partitionOf(key, partitions);
    if (db.owns(partition)) {
      accept(partition, url, replay);
    } else {
      LOG.info("url={} belongs to partition {}, sent on", url.url(), partition);
      sink.link(key, url);
    }
  }

  /**
   * A URL named for a partition of ours: new ones are DISCOVERED and due at once; a known one
   * changes only when the scheduler says so (a redirect's next hop, better hints) or when replayed.
   */
  Future<?> accept(int partition, FrontierUrl url, boolean replay) {
    Instant now = clock.instant();
    CrawlState live = db.live(partition, url.url());
    if (live != null) {
      CrawlState next =
          replay ? scheduler.replayed(live, now) : scheduler.rediscovered(live, url, now);
      return next == null ? null : writeAndSchedule(partition, next);
    }
    if (db.ended(partition, url.url()) != null && !replay) {
      return null;
    }
    CrawlState state = CrawlScheduler.discovered(url, now);
    if (replay) {
      state = scheduler.replayed(state, now);
    }
    return writeAndSchedule(partition, state);
  }

  /**
   * Fetch threads' reports, applied in one go: every link and article of the batch is sent, one
   * flush waits for the broker, and only then are the URLs' new states written, so a crash never
   * loses a link or an article behind a state that says the page was read. A URL whose links or
   * article the broker did not take is tried again soon, its state unchanged.
   */
  void applyAll(List<FetchReport> reports) {
    var linkWrites = new HashMap<FetchReport, List<Future<?>>>();
    boolean pending = false;
    for (FetchReport report : reports) {
      if (report instanceof FetchReport.UrlFetched fetched && db.owns(fetched.partition())) {
        if (!fetched.links().isEmpty()) {
          linkWrites.put(report, sendLinks(fetched.links()));
        }
        pending |= !fetched.links().isEmpty() || fetched.published() != null;
      }
    }
    if (pending) {
      sink.flush();
    }
    for (FetchReport report : reports) {
      if (!db.owns(report.partition())) {
        continue; // the partition moved on while the page was in flight: its new owner fetches it
      }
      if (report instanceof FetchReport.UrlFetched fetched) {
        applyFetch(fetched, linkWrites.getOrDefault(report, List.of()));
      } else if (report instanceof FetchReport.RobotsRead robots) {
        applyRobots(robots);
      }
    }
  }

  private void applyFetch(FetchReport.UrlFetched report, List<Future<?>> linkWrites) {
    int partition = report.partition();
    var writes = new ArrayList<>(linkWrites);
    if (report.published() != null) {
      writes.add(report.published());
    }
    String failed = failedWrite(writes);
    if (failed != null) {
      LOG.warn(
          "url={} read again soon: the broker did not take what it gave ({})",
          report.task().url(),
          failed);
      queues.offer(report.task().retry(report.at().plus(BROKER_RETRY)));
      return;
    }
    CrawlState state = db.live(partition, report.task().url());
    if (state == null) {
      state = report.task().state();
    }
    var decision =
        scheduler.afterFetch(state, report.outcome(), report.at(), intervalOf(state.sourceId()));
    writeAndSchedule(partition, decision.state());
    if (decision.deadLetter()) {
      deadLetter(decision.state(), report.at());
    }
  }

  private void applyRobots(FetchReport.RobotsRead report) {
    int partition = report.partition();
    CrawlState state = db.live(partition, report.robotsUrl());
    if (state == null) {
      state =
          CrawlScheduler.discovered(
              FrontierUrl.link(
                  report.robotsUrl(),
                  report.sourceId(),
                  Role.ROBOTS,
                  null,
                  null,
                  null,
                  report.at()),
              report.at());
    }
    write(
        partition,
        scheduler.afterFetch(state, report.outcome(), report.at(), defaultInterval).state());
  }

  /** Links of a page, to their owners (here or elsewhere); the writes to wait for. */
  private List<Future<?>> sendLinks(List<FrontierUrl> links) {
    var writes = new ArrayList<Future<?>>();
    for (FrontierUrl link : links) {
      String key = politeness.key(link.url());
      int partition = partitionOf(key, partitions);
      Future<?> write = db.owns(partition) ? accept(partition, link, false) : sink.link(key, link);
      if (write != null) {
        writes.add(write);
      }
    }
    return writes;
  }

  /** The first of the writes that failed, in words, or null when all were acknowledged. */
  private static String failedWrite(List<Future<?>> writes) {
    for (Future<?> write : writes) {
      try {
        write.get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
    return null;
  }

  private void deadLetter(CrawlState state, Instant at) {
    String key = politeness.key(state.url());
    byte[] payload = Topics.FRONTIER.valueSerde().toBytes(state.asFrontierUrl(at));
    ReasonCode reason = state.reason() == null ? ReasonCode.PROCESSING_FAILED : state.reason();
    metrics.deadLettered(reason);
    sink.deadLetter(
        DeadLetter.forCrawlUrl(
            reason,
            "source " + state.sourceId() + ": " + state.message(),
            frontierTopic,
            key,
            payload,
            state.url(),
            at));
  }

  private Future<?> writeAndSchedule(int partition, CrawlState state) {
    Future<?> write = write(partition, state);
    schedule(partition, state);
    return write;
  }

  private Future<?> write(int partition, CrawlState state) {
    db.put(partition, state);
    return sink.state(partition, state);
  }

  private void schedule(int partition, CrawlState state) {
    if (state.scheduled() && state.role() != Role.ROBOTS) {
      queues.offer(
          new FetchTask(state, partition, politeness.key(state.url()), state.nextFetch(), 0));
    } else {
      queues.cancel(state.url());
    }
  }

  /** How often the source's entry pages are read. */
  Duration intervalOf(String sourceId) {
    Source source = sources.get(sourceId);
    return source == null || source.interval() == null ? defaultInterval : source.interval();
  }
}
