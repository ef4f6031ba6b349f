package io.healthwatch.crawler;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.contracts.config.ServiceLauncher;
import io.healthwatch.contracts.kafka.DeadLetterPublisher;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.KafkaHealthCheck;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.ops.OpsServer;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.frontier.FetchedUrls;
import io.healthwatch.crawler.frontier.FrontierWorker;
import io.healthwatch.crawler.publish.ArticlePublisher;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.source.SourceRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the crawler: {@code --once} reads every source once and exits (0 when every source was read,
 * even if some pages were dead-lettered); without it, each source is read again every {@code
 * recheckEvery} until the process is stopped.
 */
public final class CrawlerMain {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlerMain.class);

  private CrawlerMain() {}

  public static void main(String[] argv) {
    ServiceLauncher.run("crawler", () -> run(argv));
  }

  private static void run(String[] argv) throws Exception {
    ServiceArgs args = ServiceArgs.parse("crawler", argv, "--once");
    CrawlerConfig config = CrawlerConfig.load(args.configFile(), System.getenv(), args.overrides());
    Path sourcesFile = args.resolve(config.sources());
    SourceRegistry registry = SourceRegistry.load(sourcesFile);
    LOG.info(
        "crawler starting: {} sources from {}, namespace '{}', broker {}",
        registry.sources().size(),
        sourcesFile,
        config.namespace(),
        config.kafka().bootstrapServers());

    TopicProvisioner.ensure(
        config.kafka(),
        config.namespace(),
        List.of(Topics.FRONTIER, Topics.FETCHED, Topics.DISCOVERED, Topics.DEAD_LETTER));
    try (var ops = OpsServer.start("crawler", config.ops());
        var kafkaHealth = new KafkaHealthCheck(config.kafka(), "healthwatch-crawler-health");
        var producer =
            new KafkaProducer<String, byte[]>(
                KafkaClients.producer(config.kafka(), "healthwatch-crawler"))) {
      ops.check("kafka", kafkaHealth);
      var metrics = new CrawlMetrics(ops.registry());
      var pass =
          new CrawlPass(
              config.fetch(), new ArticlePublisher(producer, config.namespace()), metrics);
      if (args.flag("--once")) {
        runOnce(pass, registry.sources(), config.threads());
        LOG.info("crawl finished: {} articles published", (long) metrics.publishedCount());
      } else {
        runFrontier(pass, registry, config, producer);
      }
    }
  }

  private static void runOnce(CrawlPass pass, List<Source> sources, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var futures =
          sources.stream()
              .map(
                  source ->
                      pool.submit(
                          () -> {
                            pass.crawl(source);
                            return null;
                          }))
              .toList();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Continuous mode: {@code threads} frontier workers in the consumer group {@code
   * healthwatch-crawler}; more processes with the same group share the hosts.
   */
  private static void runFrontier(
      CrawlPass pass,
      SourceRegistry registry,
      CrawlerConfig config,
      KafkaProducer<String, byte[]> producer)
      throws InterruptedException {
    String group =
        config.namespace().isEmpty()
            ? "healthwatch-crawler"
            : config.namespace() + ".healthwatch-crawler";
    var deadLetters = new DeadLetterPublisher(producer, config.namespace());
    var fetched = new FetchedUrls(config.kafka(), config.namespace(), producer);
    var workers = new ArrayList<FrontierWorker>();
    var threads = new ArrayList<Thread>();
    for (int i = 0; i < config.threads(); i++) {
      var props = KafkaClients.consumer(config.kafka(), group, "healthwatch-crawler-" + i);
      // Each record can take seconds (politeness): small polls keep the group membership alive.
      props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
      var worker =
          new FrontierWorker(
              new KafkaConsumer<>(props),
              producer,
              pass,
              deadLetters,
              fetched,
              registry,
              config.namespace(),
              config.recheckEvery(),
              Duration.ofSeconds(10));
      workers.add(worker);
      var thread = new Thread(worker, "frontier-" + i);
      threads.add(thread);
      thread.start();
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  workers.forEach(FrontierWorker::stop);
                  fetched.close();
                  for (Thread thread : threads) {
                    try {
                      thread.join(30_000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                },
                "crawler-shutdown"));
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
