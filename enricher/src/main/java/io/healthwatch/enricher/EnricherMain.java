package io.healthwatch.enricher;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.contracts.config.ServiceLauncher;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.ops.OpsServer;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.tag.Lexicon;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enricher until it is stopped (SIGTERM closes it cleanly, committing its work). */
public final class EnricherMain {
  private static final Logger LOG = LoggerFactory.getLogger(EnricherMain.class);

  private EnricherMain() {}

  public static void main(String[] argv) {
    ServiceLauncher.run("enricher", () -> run(argv));
  }

  private static void run(String[] argv) throws Exception {
    var args = ServiceArgs.parse("enricher", argv);
    var config = EnricherConfig.load(args.configFile(), System.getenv(), args.overrides());
    io.healthwatch.contracts.ops.LogSetup.apply("enricher", config.log());
    var lexicon = Lexicon.load(config.relevance().lexicon());
    TopicProvisioner.ensure(
        config.kafka(),
        config.namespace(),
        List.of(Topics.DISCOVERED, Topics.TAGGED, Topics.DUPLICATES, Topics.DEAD_LETTER));

    try (var ops = OpsServer.start("enricher", config.ops())) {
      var topology = EnricherTopology.build(config, lexicon, new EnricherMetrics(ops.registry()));
      var streams = new KafkaStreams(topology, streamsProperties(config, args));
      var stopped = new CountDownLatch(1);
      streams.setStateListener(
          (now, before) -> {
            LOG.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
              stopped.countDown();
            }
          });
      ops.bind(new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams));
      ops.check(
          "streams",
          () ->
              streams.state().isRunningOrRebalancing() ? null : "streams state " + streams.state());
      // Starting, rebalancing or running is alive; only a dead stream needs a restart.
      ops.liveness(
          "streams-alive",
          () ->
              switch (streams.state()) {
                case ERROR, PENDING_ERROR -> "streams state " + streams.state();
                default -> null;
              });
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    streams.close();
                    stopped.countDown();
                  },
                  "enricher-shutdown"));
      LOG.info(
          "enricher starting: application {} namespace '{}' broker {}",
          config.qualifiedApplicationId(),
          config.namespace(),
          config.kafka().bootstrapServers());
      streams.start();
      stopped.await();
      if (streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("Kafka Streams stopped in ERROR state; see the log above");
      }
    }
  }

  /**
   * Closing leaves the group, so a restarted or remaining instance takes the partitions over at
   * once instead of after the session timeout.
   */
  public static CloseOptions gracefully() {
    return CloseOptions.timeout(Duration.ofSeconds(30))
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
  }

  /** The Streams settings the service runs with (exactly once v2); public for the benchmark. */
  public static Properties streamsProperties(EnricherConfig config, ServiceArgs args) {
    var props = new Properties();
    props.putAll(KafkaClients.common(config.kafka(), config.qualifiedApplicationId()));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.qualifiedApplicationId());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafka().replicationFactor());
    props.put(StreamsConfig.STATE_DIR_CONFIG, args.resolve(config.stateDir()).toString());
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    props.put(StreamsConfig.producerPrefix("max.request.size"), 8 * 1024 * 1024);
    return props;
  }
}
