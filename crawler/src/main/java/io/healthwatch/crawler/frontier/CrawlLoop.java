package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.kafka.ConsumerLoop;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.fetch.FetchQueues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawler's one consumer of the frontier, in the group {@code healthwatch-crawler}: the group
 * gives each instance a share of the partitions, and with a partition the hosts whose politeness
 * keys hash to it, their crawl states (restored from the status topic) and their schedule. The loop
 * never waits for a host: it applies frontier records and fetch reports to the owner, and commits
 * frontier offsets once the states they led to are on the broker. Fetching happens on the fetch
 * threads.
 *
 * <p>When a partition is taken away, its waiting URLs are dropped, the pages in flight are awaited
 * (a bounded time) and their outcomes written, so the next owner neither loses nor repeats them. A
 * single pass ({@code --once}) ends when nothing is due, in flight or unread.
 */
public final class CrawlLoop extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlLoop.class);
  private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration IDLE_CHECK = Duration.ofMillis(500);

  private final FrontierOwner owner;
  private final StatusRestore restore;
  private final FetchQueues queues;
  private final BlockingQueue<FetchReport> reports;
  private final StateSink sink;
  private final String topic;
  private final boolean singlePass;
  private final Duration inFlightWait;
  private final Clock clock;
  private Instant nextIdleCheck = Instant.MIN;
  private boolean polledSinceAssignment;

  CrawlLoop(
      Consumer<String, byte[]> consumer,
      FrontierOwner owner,
      StatusRestore restore,
      FetchQueues queues,
      BlockingQueue<FetchReport> reports,
      StateSink sink,
      String namespace,
      boolean singlePass,
      Duration inFlightWait,
      Clock clock) {
    super(consumer);
    this.owner = owner;
    this.restore = restore;
    this.queues = queues;
    this.reports = reports;
    this.sink = sink;
    this.topic = Topics.FRONTIER.name(namespace);
    this.singlePass = singlePass;
    this.inFlightWait = inFlightWait;
    this.clock = clock;
  }

  @Override
  protected void start() {
    consumer.subscribe(
        List.of(topic),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            handOver(partitions, true);
          }

          @Override
          public void onPartitionsLost(Collection<TopicPartition> partitions) {
            handOver(partitions, false);
          }

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
              long started = System.nanoTime();
              owner.opening(partition.partition());
              long restored =
                  restore.read(
                      partition.partition(),
                      RESTORE_TIMEOUT,
                      state -> owner.restored(partition.partition(), state));
              owner.opened(partition.partition());
              LOG.info(
                  "took frontier partition {}: {} crawl states restored in {} ms",
                  partition.partition(),
                  restored,
                  (System.nanoTime() - started) / 1_000_000);
            }
            polledSinceAssignment = false;
          }
        });
  }

  @Override
  protected void step() {
    // Short polls while pages are in flight: their reports are applied within 20 ms.
    boolean busy = !reports.isEmpty() || queues.inFlight() > 0;
    var records = consumer.poll(busy ? Duration.ofMillis(20) : Duration.ofMillis(100));
    for (ConsumerRecord<String, byte[]> record : records) {
      handle(record);
    }
    drainReports();
    if (!records.isEmpty()) {
      sink.flush();
      commit();
    }
    if (singlePass && finishedPass()) {
      LOG.info("single pass done: nothing due, in flight or unread");
      end();
    }
    polledSinceAssignment = true;
  }

  @Override
  protected void finish() throws InterruptedException {
    queues.shutdown();
    awaitInFlight(queues::inFlight);
    drainReports();
    sink.flush();
    commit();
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    FrontierUrl url;
    try {
      url = Topics.FRONTIER.valueSerde().fromBytes(record.value());
      if (url == null) {
        throw new SerializationException("empty value where a frontier URL was expected");
      }
    } catch (SerializationException e) {
      sink.deadLetter(
          new DeadLetter(
              DeadLetter.SCHEMA_VERSION,
              "crawler",
              ReasonCode.DESERIALIZATION_FAILED,
              e.getMessage(),
              DeadLetter.payloadOf(record.value()),
              record.topic(),
              record.partition(),
              record.offset(),
              record.key(),
              null,
              clock.instant()));
      return;
    }
    boolean replay = record.headers().lastHeader(FrontierUrl.REPLAY_HEADER) != null;
    if (replay) {
      LOG.info("replayed url={} back on the schedule", url.url());
    }
    owner.route(url, replay);
  }

  private void drainReports() {
    var batch = new ArrayList<FetchReport>();
    reports.drainTo(batch);
    if (!batch.isEmpty()) {
      owner.applyAll(batch);
    }
  }

  /**
   * Partitions leave: nothing of theirs is handed out any more; pages in flight are awaited and
   * recorded (when revoked, not lost) before the states are dropped.
   */
  private void handOver(Collection<TopicPartition> partitions, boolean orderly) {
    for (TopicPartition partition : partitions) {
      queues.closePartition(partition.partition());
    }
    if (orderly) {
      try {
        awaitInFlight(
            () -> partitions.stream().mapToInt(p -> queues.inFlight(p.partition())).sum());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      drainReports();
      sink.flush();
      commit();
    }
    for (TopicPartition partition : partitions) {
      owner.revoked(partition.partition());
    }
    LOG.info("handed over frontier partitions {}", partitions);
  }

  private void awaitInFlight(java.util.function.IntSupplier inFlight) throws InterruptedException {
    long deadline = System.nanoTime() + inFlightWait.toNanos();
    while (inFlight.getAsInt() > 0 && System.nanoTime() < deadline) {
      drainReports();
      Thread.sleep(20);
    }
    if (inFlight.getAsInt() > 0) {
      LOG.warn(
          "{} fetches still in flight after {}; their URLs stay due for the next owner",
          inFlight.getAsInt(),
          inFlightWait);
    }
  }

  /** A single pass is over when every owned URL is settled and the frontier is read to its end. */
  private boolean finishedPass() {
    Instant now = clock.instant();
    if (now.isBefore(nextIdleCheck)) {
      return false;
    }
    nextIdleCheck = now.plus(IDLE_CHECK);
    var assignment = consumer.assignment();
    if (assignment.isEmpty() || !polledSinceAssignment || !reports.isEmpty()) {
      return false;
    }
    if (queues.busyUntil(now)) {
      return false;
    }
    var ends = consumer.endOffsets(assignment);
    for (TopicPartition partition : assignment) {
      if (consumer.position(partition) < ends.get(partition)) {
        return false;
      }
    }
    return reports.isEmpty() && !queues.busyUntil(clock.instant());
  }
}
