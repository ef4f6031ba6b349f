package io.healthwatch.benchmarks;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.EnricherConfig;
import io.healthwatch.enricher.EnricherMain;
import io.healthwatch.enricher.EnricherTopology;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The enricher through a real broker (the local services, {@code ./healthwatch services start}):
 * articles produced first to a fresh namespace, then one Streams instance with the service's own
 * settings (exactly once v2; one, then two stream threads) processes them; the rate is counted from
 * the first output record to the last, so start-up and the group's first rebalance are left out and
 * printed apart.
 */
final class EnricherBrokerBench {
  private EnricherBrokerBench() {}

  static void run(List<DiscoveredArticle> articles, String bootstrap, PrintStream out)
      throws Exception {
    // Streams' own commit interval under exactly once next to the service's default, side by side.
    for (int threads : new int[] {1, 2}) {
      for (String commitInterval : new String[] {"PT0.1S", "PT1S"}) {
        if (!run(articles, bootstrap, threads, commitInterval, out)) {
          return;
        }
      }
    }
  }

  /** False when there is no broker to measure with. */
  private static boolean run(
      List<DiscoveredArticle> articles,
      String bootstrap,
      int threads,
      String commitInterval,
      PrintStream out)
      throws Exception {
    try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.describeCluster().clusterId().get(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      out.println(
          "through the broker: skipped, no broker at "
              + bootstrap
              + " (start one with ./healthwatch services start)");
      return false;
    }
    String ns = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    var stateDir = Files.createTempDirectory("healthwatch-bench-state");
    var config =
        EnricherConfig.load(
            null,
            Map.of(),
            Map.of(
                "namespace",
                ns,
                "kafka.bootstrapServers",
                bootstrap,
                "kafka.partitions",
                "3",
                "stateDir",
                stateDir.toString(),
                "window.maxAge",
                "P36500D",
                "ops.port",
                "-1",
                "streamThreads",
                Integer.toString(threads),
                "commitInterval",
                commitInterval));
    TopicProvisioner.ensure(
        config.kafka(),
        ns,
        List.of(Topics.DISCOVERED, Topics.TAGGED, Topics.DUPLICATES, Topics.DEAD_LETTER));
    try (var producer =
        new KafkaProducer<String, byte[]>(KafkaClients.producer(config.kafka(), "bench"))) {
      BenchInput.sendAll(
          producer,
          articles.stream()
              .map(
                  article ->
                      new ProducerRecord<>(
                          Topics.DISCOVERED.name(ns),
                          article.id(),
                          Topics.DISCOVERED.valueSerde().toBytes(article)))
              .toList());
    }
    var consumerProps = KafkaClients.consumer(config.kafka(), ns + ".bench-reader", "bench-reader");
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    long started = System.nanoTime();
    long first = 0;
    long outputs = 0;
    var streams =
        new KafkaStreams(
            EnricherTopology.build(config),
            EnricherMain.streamsProperties(config, ServiceArgs.parse("enricher", new String[0])));
    streams.start();
    try (var consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(
          List.of(Topics.TAGGED.name(ns), Topics.DUPLICATES.name(ns), Topics.DEAD_LETTER.name(ns)));
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      // Every article comes out at least once (as a primary, a duplicate or a dead letter).
      while (outputs < articles.size() && System.nanoTime() < deadline) {
        int polled = consumer.poll(Duration.ofMillis(200)).count();
        if (polled > 0 && first == 0) {
          first = System.nanoTime();
        }
        outputs += polled;
      }
    } finally {
      streams.close(EnricherMain.gracefully());
      streams.cleanUp();
      BenchTopics.delete(bootstrap, ns);
    }
    long last = System.nanoTime();
    out.printf(
        "through the broker (exactly once v2, %d stream thread(s), commits every %s, 3 partitions):"
            + " %.0f articles/s"
            + " from start to the last output, %.0f from the first output to the last (%d records"
            + " out; %.1f s to the first output)%n",
        threads,
        commitInterval,
        articles.size() / ((last - started) / 1e9),
        articles.size() / ((last - first) / 1e9),
        outputs,
        (first - started) / 1e9);
    return true;
  }
}
