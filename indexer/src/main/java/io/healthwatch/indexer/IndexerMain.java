package io.healthwatch.indexer;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.contracts.config.ServiceLauncher;
import io.healthwatch.contracts.kafka.DeadLetterPublisher;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.KafkaHealthCheck;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.ops.OpsServer;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.indexer.bulk.BulkWriter;
import io.healthwatch.indexer.bulk.IndexerLoop;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the indexer until it is stopped (SIGTERM flushes the batch and commits). */
public final class IndexerMain {
  private static final Logger LOG = LoggerFactory.getLogger(IndexerMain.class);

  /** What the indexer writes; the editorial service sets up its own. */
  public static final List<Indices> INDICES = List.of(Indices.ARTICLES, Indices.CRAWL_STATUS);

  private IndexerMain() {}

  public static void main(String[] argv) {
    ServiceLauncher.run("indexer", () -> run(argv));
  }

  private static void run(String[] argv) throws Exception {
    var args = ServiceArgs.parse("indexer", argv);
    var config = IndexerConfig.load(args.configFile(), System.getenv(), args.overrides());
    io.healthwatch.contracts.ops.LogSetup.apply("indexer", config.log());
    String ns = config.namespace();
    TopicProvisioner.ensure(
        config.kafka(), ns, List.of(Topics.TAGGED, Topics.CRAWL_STATUS, Topics.DEAD_LETTER));
    var client = OpenSearchClients.create(config.opensearch());
    IndexBootstrap.ensure(client, config);

    try (var ops = OpsServer.start("indexer", config.ops());
        var kafkaHealth = new KafkaHealthCheck(config.kafka(), "healthwatch-indexer-health");
        var consumer =
            new KafkaConsumer<String, byte[]>(
                KafkaClients.consumer(
                    config.kafka(), config.qualifiedGroupId(), "healthwatch-indexer"));
        var producer =
            new KafkaProducer<String, byte[]>(
                KafkaClients.producer(config.kafka(), "healthwatch-indexer-dlq"))) {
      ops.check("kafka", kafkaHealth);
      ops.bind(new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(consumer));
      ops.bind(new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(producer));
      var metrics = new IndexerMetrics(ops.registry());
      var writer =
          new BulkWriter(
              client, config.bulk().retryBaseMillis(), config.bulk().retryMaxMillis(), metrics);
      var loop =
          new IndexerLoop(
              consumer, writer, new DeadLetterPublisher(producer, ns), config.bulk(), metrics, ns);
      ops.check("opensearch", OpenSearchClients.health(client));
      var main = Thread.currentThread();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    loop.stop();
                    try {
                      main.join(30_000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  },
                  "indexer-shutdown"));
      consumer.subscribe(List.of(Topics.TAGGED.name(ns), Topics.CRAWL_STATUS.name(ns)));
      LOG.info(
          "indexer starting: group {} topics {} -> {}, {} -> {} at {}",
          config.qualifiedGroupId(),
          Topics.TAGGED.name(ns),
          Indices.ARTICLES.alias(ns),
          Topics.CRAWL_STATUS.name(ns),
          Indices.CRAWL_STATUS.alias(ns),
          config.opensearch().url());
      loop.run();
      LOG.info("indexer stopped");
    }
  }
}
