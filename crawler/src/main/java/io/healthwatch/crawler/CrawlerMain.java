package io.healthwatch.crawler;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.contracts.config.ServiceLauncher;
import io.healthwatch.contracts.kafka.KafkaHealthCheck;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.ops.OpsServer;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.frontier.Crawler;
import io.healthwatch.crawler.source.SourceRegistry;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the crawler: continuously (the default) or, with {@code --once}, until every source has been
 * read once and nothing is due, in flight or unread (exit 0 even if some pages were dead-lettered).
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
    io.healthwatch.contracts.ops.LogSetup.apply("crawler", config.log());
    Path sourcesFile = args.resolve(config.sources());
    SourceRegistry registry = SourceRegistry.load(sourcesFile);
    boolean once = args.flag("--once");
    LOG.info(
        "crawler starting{}: {} sources from {}, namespace '{}', broker {}",
        once ? " (single pass)" : "",
        registry.sources().size(),
        sourcesFile,
        config.namespace(),
        config.kafka().bootstrapServers());
    TopicProvisioner.ensure(
        config.kafka(),
        config.namespace(),
        List.of(Topics.FRONTIER, Topics.CRAWL_STATUS, Topics.DISCOVERED, Topics.DEAD_LETTER));
    try (var ops = OpsServer.start("crawler", config.ops());
        var kafkaHealth = new KafkaHealthCheck(config.kafka(), "healthwatch-crawler-health");
        var crawler =
            Crawler.start(
                config, registry, args.resolve(config.warc().directory()), once, ops.registry())) {
      ops.check("kafka", kafkaHealth);
      var main = Thread.currentThread();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    crawler.stop();
                    try {
                      main.join(45_000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  },
                  "crawler-shutdown"));
      crawler.run();
      LOG.info("crawler stopped: {} articles published", (long) crawler.metrics().publishedCount());
    }
  }
}
