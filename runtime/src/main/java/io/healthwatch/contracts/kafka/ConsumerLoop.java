package io.healthwatch.contracts.kafka;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's poll loop that another thread can stop: {@link #stop} wakes the consumer out of its
 * poll, the loop runs {@link #finish} (flush, commit) and returns.
 */
public abstract class ConsumerLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
  protected final Consumer<String, byte[]> consumer;
  private final AtomicBoolean running = new AtomicBoolean(true);

  protected ConsumerLoop(Consumer<String, byte[]> consumer) {
    this.consumer = consumer;
  }

  /** Before the first poll (subscribe here when the loop owns its subscription). */
  protected void start() {}

  /** One poll and what follows from it. */
  protected abstract void step() throws InterruptedException;

  /** After the last poll, when stopped: finish what is in hand. */
  protected void finish() throws InterruptedException {}

  @Override
  public final void run() {
    try {
      start();
      while (running.get()) {
        step();
      }
      finish();
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Commits what has been consumed; see {@link #commit(Map)}. */
  protected final boolean commit() {
    return commit(null);
  }

  /**
   * Commits the offsets (all consumed ones when null). When the group is rebalancing (a broker came
   * back, a member joined) the commit is refused; that is no reason to stop the service: what was
   * not committed is delivered again, to this member or the partition's next owner, and every loop
   * here applies a record twice harmlessly. The next commit after the rebalance covers it.
   *
   * @return whether the offsets were committed
   */
  protected final boolean commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      if (offsets == null) {
        consumer.commitSync();
      } else {
        consumer.commitSync(offsets);
      }
      return true;
    } catch (RebalanceInProgressException | CommitFailedException e) {
      LOG.warn(
          "offsets not committed while the group rebalances; the records are delivered again: {}",
          e.getMessage());
      return false;
    }
  }

  /** Ends the loop after the current step, from the loop's own thread (it is done). */
  protected final void end() {
    running.set(false);
  }

  /** Asks the loop to return after the current step; safe from another thread. */
  public void stop() {
    running.set(false);
    consumer.wakeup();
  }
}
