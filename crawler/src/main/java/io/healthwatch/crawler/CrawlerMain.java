package io.healthwatch.crawler;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.contracts.config.ServiceLauncher;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.ops.OpsServer;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.fetch.RobotsCache;
import io.healthwatch.crawler.publish.ArticlePublisher;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.source.SourceRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the crawler: {@code --once} reads every source once and exits (0 when every source was read,
 * even if some pages were dead-lettered); without it, each source is read again every {@code
 * recheckMinutes} until the process is stopped.
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
        config.kafka(), config.namespace(), List.of(Topics.DISCOVERED, Topics.DEAD_LETTER));
    try (var ops = OpsServer.start("crawler", config.ops());
        var producer =
            new KafkaProducer<String, byte[]>(
                KafkaClients.producer(config.kafka(), "healthwatch-crawler"))) {
      var metrics = new CrawlMetrics(ops.registry());
      var fetcher = new HttpFetcher(config.fetch());
      var pass =
          new CrawlPass(
              fetcher,
              new RobotsCache(fetcher, config.fetch().userAgent()),
              config.fetch().respectRobots(),
              new ArticlePublisher(producer, config.namespace()),
              metrics);
      ops.check("kafka-producer", () -> null);
      if (args.flag("--once")) {
        runOnce(pass, registry.sources(), config.threads());
        LOG.info("crawl finished: {} articles published", (long) metrics.publishedCount());
      } else {
        runForever(pass, registry.sources(), config);
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

  private static void runForever(CrawlPass pass, List<Source> sources, CrawlerConfig config)
      throws InterruptedException {
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(config.threads());
    Runtime.getRuntime().addShutdownHook(new Thread(scheduler::shutdownNow, "crawler-shutdown"));
    long period = TimeUnit.MINUTES.toSeconds(config.recheckMinutes());
    for (int i = 0; i < sources.size(); i++) {
      Source source = sources.get(i);
      // Spread first reads over the period so all sources are not asked at once.
      long initialDelay = period * i / Math.max(1, sources.size());
      scheduler.scheduleWithFixedDelay(
          () -> {
            try {
              pass.crawl(source);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
              LOG.error("source={} pass failed: {}", source.id(), e.toString());
            }
          },
          initialDelay,
          period,
          TimeUnit.SECONDS);
    }
    scheduler.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
  }
}
