package io.healthwatch.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by named processes (each with its descendants, for a launcher script's JVM), read
 * from the operating system: what a stage costs per article, so that on one machine the stages' sum
 * says how many articles per second its cores can carry at all.
 */
final class CpuUse {
  private final Map<String, Long> pids;

  CpuUse(Map<String, Long> pids) {
    this.pids = Map.copyOf(pids);
  }

  /** Milliseconds of CPU each process has used so far (-1 when it cannot be read). */
  Map<String, Long> now() {
    var used = new LinkedHashMap<String, Long>();
    pids.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> used.put(entry.getKey(), millis(entry.getValue())));
    return used;
  }

  /** CPU milliseconds per record between two readings, by process. */
  static Map<String, Double> perRecord(Map<String, Long> from, Map<String, Long> to, long records) {
    var per = new LinkedHashMap<String, Double>();
    from.forEach(
        (name, start) -> {
          Long end = to.get(name);
          if (start >= 0 && end != null && end >= 0 && records > 0) {
            per.put(name, (end - start) / (double) records);
          }
        });
    return per;
  }

  private static long millis(long pid) {
    var handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return -1;
    }
    long total = Math.max(0, cpu(handle.get()));
    if (pid == ProcessHandle.current().pid()) {
      return total; // the services this harness started are counted under their own names
    }
    for (var child : handle.get().descendants().toList()) {
      total += Math.max(0, cpu(child));
    }
    return total;
  }

  private static long cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
  }
}
