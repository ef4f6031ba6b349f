package io.healthwatch.crawler.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The URLs waiting to be fetched, one queue per politeness key, after StormCrawler's fetch queues.
 * A fetch thread takes the next URL of a host that is idle, whose politeness delay has passed and
 * whose head is due; while the host's page is in flight nobody else takes from it. Nothing sleeps
 * for a host: a thread waits only until the earliest host is ready, so one slow host never holds up
 * the others.
 *
 * <p>Each URL is queued once: offering it again replaces its task (a replay makes it due at once).
 * Tasks belong to a frontier partition; when the partition is handed to another instance its tasks
 * are dropped here and late offers for it are refused.
 */
public final class FetchQueues {
  private static final Comparator<FetchTask> BY_TIME =
      Comparator.comparing(FetchTask::notBefore).thenComparing(FetchTask::url);

  private static final Comparator<HostQueue> BY_READINESS =
      Comparator.comparing((HostQueue h) -> h.readyAt).thenComparing(h -> h.key);

  private final Clock clock;
  private final Duration delay;
  private final Map<String, HostQueue> hosts = new HashMap<>();
  private final Map<String, FetchTask> byUrl = new HashMap<>();

  /** Idle hosts with at least one task, the one ready first at the head. */
  private final TreeSet<HostQueue> ready = new TreeSet<>(BY_READINESS);

  private final Set<Integer> closed = new HashSet<>();

  /**
   * The one waiting thread that sleeps until the earliest host is ready; the others wait to be told
   * (leader and followers, as in the JDK's DelayQueue), so a thousand requests a second do not wake
   * every fetch thread a thousand times.
   */
  private Thread leader;

  private final Map<Integer, Integer> inFlight = new HashMap<>();
  private boolean shutdown;

  private static final class HostQueue {
    final String key;
    final PriorityQueue<FetchTask> tasks = new PriorityQueue<>(BY_TIME);
    Instant nextAllowed = Instant.MIN;
    boolean busy;
    Instant readyAt = Instant.MIN;

    HostQueue(String key) {
      this.key = key;
    }

    Instant computeReadyAt() {
      Instant head = tasks.peek().notBefore();
      return head.isAfter(nextAllowed) ? head : nextAllowed;
    }
  }

  /**
   * @param delay the least time between the starts of two requests to one politeness key
   */
  public FetchQueues(Clock clock, Duration delay) {
    this.clock = clock;
    this.delay = delay;
  }

  /**
   * Queues a URL (or moves it, when it is queued already).
   *
   * @return false when the task's partition is not this instance's any more
   */
  public synchronized boolean offer(FetchTask task) {
    if (shutdown || closed.contains(task.partition())) {
      return false;
    }
    FetchTask previous = byUrl.put(task.url(), task);
    if (previous != null) {
      HostQueue old = hosts.get(previous.politenessKey());
      if (old != null) {
        unready(old);
        old.tasks.remove(previous);
        reready(old);
      }
    }
    HostQueue host = hosts.computeIfAbsent(task.politenessKey(), HostQueue::new);
    unready(host);
    host.tasks.add(task);
    reready(host);
    if (!ready.isEmpty() && ready.first() == host) {
      signal();
    }
    return true;
  }

  /** Removes a URL's task, if it is waiting (not when it is in flight). */
  public synchronized void cancel(String url) {
    FetchTask task = byUrl.remove(url);
    if (task != null) {
      HostQueue host = hosts.get(task.politenessKey());
      unready(host);
      host.tasks.remove(task);
      reready(host);
    }
  }

  /** The next task that may go now, or null; the caller must {@link #release} it. */
  public synchronized FetchTask poll() {
    if (shutdown || ready.isEmpty()) {
      return null;
    }
    HostQueue first = ready.first();
    Instant now = clock.instant();
    if (first.readyAt.isAfter(now)) {
      return null;
    }
    ready.remove(first);
    FetchTask task = first.tasks.poll();
    byUrl.remove(task.url());
    first.busy = true;
    first.nextAllowed = now.plus(delay);
    inFlight.merge(task.partition(), 1, Integer::sum);
    return task;
  }

  /**
   * Waits up to {@code maxWait} for a task that may go, waking when the earliest host is ready.
   *
   * @return the task, or null after {@code maxWait} or on shutdown
   */
  public synchronized FetchTask take(Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    try {
      while (true) {
        FetchTask task = poll();
        if (task != null || shutdown) {
          return task;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        if (ready.isEmpty() || leader != null) {
          waitNanos(left);
        } else {
          Thread self = Thread.currentThread();
          leader = self;
          try {
            long untilReady = Duration.between(clock.instant(), ready.first().readyAt).toNanos();
            waitNanos(Math.max(100_000, Math.min(left, untilReady)));
          } finally {
            if (leader == self) {
              leader = null;
            }
          }
        }
      }
    } finally {
      // Whoever leaves hands the watch over while hosts are waiting; when more are ready now,
      // everyone may take one.
      if (!ready.isEmpty() && !ready.first().readyAt.isAfter(clock.instant())) {
        notifyAll();
      } else if (leader == null && !ready.isEmpty()) {
        notify();
      }
    }
  }

  private void waitNanos(long nanos) throws InterruptedException {
    wait(Math.max(1, nanos / 1_000_000), (int) (nanos % 1_000_000 / 1000));
  }

  /** Something may be ready earlier than the leader thought: a waiting thread takes the watch. */
  private void signal() {
    leader = null;
    notify();
  }

  /**
   * A taken task is done (or put back): its host is free again, not before {@code notBefore} when
   * given (robots.txt Crawl-delay, Retry-After).
   */
  public synchronized void release(FetchTask task, Instant notBefore) {
    releaseHost(task, notBefore);
    finished(task);
  }

  /**
   * The host has answered: its next URL may go (after the delay) while this one's page is still
   * being read; the task counts as in flight until {@link #finished}.
   */
  public synchronized void releaseHost(FetchTask task, Instant notBefore) {
    HostQueue host = hosts.get(task.politenessKey());
    host.busy = false;
    if (notBefore != null && notBefore.isAfter(host.nextAllowed)) {
      host.nextAllowed = notBefore;
    }
    if (host.tasks.isEmpty() && !host.nextAllowed.isAfter(clock.instant())) {
      hosts.remove(host.key);
    } else {
      reready(host);
      if (!ready.isEmpty() && ready.first() == host) {
        signal();
      }
    }
  }

  /** A task taken is settled (its outcome reported): it no longer counts as in flight. */
  public synchronized void finished(FetchTask task) {
    inFlight.merge(task.partition(), -1, Integer::sum);
  }

  /**
   * Stops taking tasks of a partition and drops the waiting ones (the partition went to another
   * instance, which restores them from the crawl state).
   *
   * @return the tasks dropped
   */
  public synchronized List<FetchTask> closePartition(int partition) {
    closed.add(partition);
    var dropped = new ArrayList<FetchTask>();
    for (HostQueue host : List.copyOf(hosts.values())) {
      if (host.tasks.stream().noneMatch(t -> t.partition() == partition)) {
        continue;
      }
      unready(host);
      host.tasks.removeIf(
          task -> {
            if (task.partition() == partition) {
              dropped.add(task);
              byUrl.remove(task.url());
              return true;
            }
            return false;
          });
      reready(host);
    }
    return dropped;
  }

  /** Accepts tasks of a partition (again). */
  public synchronized void openPartition(int partition) {
    closed.remove(partition);
  }

  /** Tasks of a partition that a fetch thread holds now. */
  public synchronized int inFlight(int partition) {
    return inFlight.getOrDefault(partition, 0);
  }

  public synchronized int inFlight() {
    return inFlight.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** URLs waiting, due or not. */
  public synchronized int size() {
    return byUrl.size();
  }

  /** URLs whose fetch time has come (they may still wait for their host's turn). */
  public synchronized int due() {
    Instant now = clock.instant();
    return (int) byUrl.values().stream().filter(t -> !t.notBefore().isAfter(now)).count();
  }

  /**
   * Whether anything is in flight, due by {@code horizon}, or being retried soon after a transient
   * failure: what a single pass ({@code --once}) waits for before it ends.
   */
  public synchronized boolean busyUntil(Instant horizon) {
    if (inFlight() > 0) {
      return true;
    }
    return byUrl.values().stream()
        .anyMatch(t -> t.attempt() > 0 || !t.notBefore().isAfter(horizon));
  }

  /** Wakes every waiting thread and hands out nothing more. */
  public synchronized void shutdown() {
    shutdown = true;
    notifyAll();
  }

  private void unready(HostQueue host) {
    if (!host.busy && !host.tasks.isEmpty()) {
      ready.remove(host);
    }
  }

  private void reready(HostQueue host) {
    if (!host.busy && !host.tasks.isEmpty()) {
      host.readyAt = host.computeReadyAt();
      ready.add(host);
    } else if (host.tasks.isEmpty() && !host.busy && !host.nextAllowed.isAfter(clock.instant())) {
      hosts.remove(host.key);
    }
  }
}
