package io.healthwatch.benchmarks;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.frontier.StatusRestore;
import io.healthwatch.crawler.state.CrawlDb;
import io.healthwatch.devstack.services.LocalServices;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * The crawl-status store at size: COUNT URL states on 1,000 hosts written to a status topic of 3
 * partitions, then restored as an instance taking the partitions over does, with the time it takes
 * and the heap the states hold. A fifth of the URLs are still scheduled (kept whole), the rest
 * ended (articles past their re-fetch window, GONE, ERROR: kept as a hash).
 */
final class CrawlStateBench {
  private static final int PARTITIONS = 3;

  private CrawlStateBench() {}

  static void run(Path home, int count, PrintStream out) throws Exception {
    var services = LocalServices.fromEnvironment(home);
    services.startAll();
    String bootstrap = services.config().kafkaBootstrap();
    String ns = "bench-crawlstate-" + System.currentTimeMillis();
    var kafka = new KafkaSettings(bootstrap, PARTITIONS, (short) 1, Map.of());
    TopicProvisioner.ensure(kafka, ns, List.of(Topics.CRAWL_STATUS));
    try {
      long live = write(kafka, ns, count);
      out.printf(
          "%,d URL states on 1,000 hosts (%,d still scheduled, %,d ended) written to %d partitions%n",
          count, live, count - live, PARTITIONS);
      for (int round = 1; round <= 3; round++) {
        long before = usedHeap();
        var db = new CrawlDb();
        long started = System.nanoTime();
        long read = 0;
        try (var restore = new StatusRestore(kafka, ns, "bench-restore")) {
          for (int p = 0; p < PARTITIONS; p++) {
            db.open(p);
            int partition = p;
            read += restore.read(p, Duration.ofMinutes(2), state -> db.put(partition, state));
          }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long held = usedHeap() - before;
        out.printf(
            "  round %d: restored %,d states in %.2f s (%,.0f states/s); heap held %.1f MB"
                + " (%.0f bytes per URL; %,d scheduled kept whole)%n",
            round,
            read,
            seconds,
            read / seconds,
            held / 1e6,
            (double) held / count,
            db.scheduledCount());
        if (db.size() != count) {
          throw new IllegalStateException("restored " + db.size() + " URLs of " + count);
        }
      }
    } finally {
      BenchTopics.delete(bootstrap, ns);
    }
  }

  /** Writes the states; returns how many are still scheduled. */
  private static long write(KafkaSettings kafka, String ns, int count) throws Exception {
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    long live = 0;
    try (var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "bench"))) {
      for (int i = 0; i < count; i++) {
        String host = "news" + (i % 1000) + ".example.cn";
        String url = "https://" + host + "/n1/2026/1101/c14739-" + (40_000_000 + i) + ".html";
        var discovered =
            CrawlState.discovered(
                FrontierUrl.link(
                    url,
                    "s" + (i % 100),
                    FrontierUrl.Role.ARTICLE,
                    "标题" + i,
                    null,
                    "https://" + host + "/",
                    t0),
                t0,
                1);
        boolean scheduled = i % 5 == 0;
        live += scheduled ? 1 : 0;
        var state =
            i % 50 == 1
                ? discovered.toBuilder()
                    .status(CrawlState.Status.GONE)
                    .httpStatus(404)
                    .problem(ReasonCode.HTTP_STATUS, "HTTP 404")
                    .lastFetched(t0)
                    .nextFetch(null)
                    .build(2)
                : discovered.toBuilder()
                    .status(CrawlState.Status.FETCHED)
                    .httpStatus(200)
                    .contentHash(Integer.toHexString(i).repeat(8))
                    .validators(
                        "\"" + Integer.toHexString(i) + "\"", "Sun, 01 Nov 2026 00:00:00 GMT")
                    .lastFetched(t0)
                    .lastSuccess(t0)
                    .published(t0)
                    .nextFetch(scheduled ? t0.plus(Duration.ofHours(12)) : null)
                    .build(2);
        int partition =
            Utils.toPositive(Utils.murmur2(host.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
        producer.send(
            new ProducerRecord<>(
                Topics.CRAWL_STATUS.name(ns),
                partition,
                url,
                Topics.CRAWL_STATUS.valueSerde().toBytes(state)));
      }
      producer.flush();
    }
    return live;
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
