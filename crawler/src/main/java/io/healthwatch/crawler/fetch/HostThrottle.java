package io.healthwatch.crawler.fetch;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Keeps a minimum delay between two requests to the same host (host and port). */
public final class HostThrottle {
  private final long delayNanos;
  private final ConcurrentHashMap<String, Long> nextAllowed = new ConcurrentHashMap<>();

  public HostThrottle(long delayMillis) {
    this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
  }

  /** Blocks until the host may be asked again, and books the next slot. */
  public void acquire(String url, long extraDelayMillis) throws InterruptedException {
    String host = hostKey(url);
    long delay = Math.max(delayNanos, TimeUnit.MILLISECONDS.toNanos(extraDelayMillis));
    while (true) {
      long now = System.nanoTime();
      long[] wait = new long[1];
      nextAllowed.compute(
          host,
          (key, next) -> {
            if (next == null || next <= now) {
              wait[0] = 0;
              return now + delay;
            }
            wait[0] = next - now;
            return next;
          });
      if (wait[0] == 0) {
        return;
      }
      TimeUnit.NANOSECONDS.sleep(wait[0]);
    }
  }

  static String hostKey(String url) {
    URI uri = URI.create(url);
    return uri.getHost() + ":" + uri.getPort();
  }
}
