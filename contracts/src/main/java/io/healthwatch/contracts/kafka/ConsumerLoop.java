package io.healthwatch.contracts.kafka;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A consumer's poll loop that another thread can stop: {@link #stop} wakes the consumer out of its
 * poll, the loop runs {@link #finish} (flush, commit) and returns.
 */
public abstract class ConsumerLoop implements Runnable {
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
