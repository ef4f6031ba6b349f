package io.healthwatch.crawler;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.frontier.Crawler;
import io.healthwatch.crawler.source.SourceRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A crawler instance on a thread of the test, against the real broker. */
public final class RunningCrawler implements AutoCloseable {
  private final Crawler crawler;
  private final Thread thread;

  private RunningCrawler(Crawler crawler, Thread thread) {
    this.crawler = crawler;
    this.thread = thread;
  }

  /** Creates the crawler's topics, then starts an instance (continuous unless {@code once}). */
  public static RunningCrawler start(
      CrawlerConfig config, SourceRegistry registry, Path work, boolean once) throws Exception {
    provision(config);
    var crawler =
        Crawler.start(config, registry, work.resolve("warc"), once, new SimpleMeterRegistry());
    var thread = new Thread(crawler::run, "crawler-under-test");
    thread.start();
    return new RunningCrawler(crawler, thread);
  }

  public static void provision(CrawlerConfig config) {
    TopicProvisioner.ensure(
        config.kafka(),
        config.namespace(),
        List.of(Topics.FRONTIER, Topics.CRAWL_STATUS, Topics.DISCOVERED, Topics.DEAD_LETTER));
  }

  public Crawler crawler() {
    return crawler;
  }

  /** Waits for a single pass to end by itself. */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    return !thread.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    crawler.stop();
    thread.join(30_000);
    crawler.close();
  }

  /** The latest crawl state of every URL on the status topic. */
  public static Map<String, CrawlState> states(KafkaSettings kafka, String ns) {
    var latest = new LinkedHashMap<String, CrawlState>();
    for (CrawlState state :
        TopicReader.readAll(
            kafka, Topics.CRAWL_STATUS.name(ns), Topics.CRAWL_STATUS, Duration.ofSeconds(20))) {
      latest.put(state.url(), state);
    }
    return latest;
  }

  public static List<DiscoveredArticle> articles(KafkaSettings kafka, String ns) {
    return TopicReader.readAll(
        kafka, Topics.DISCOVERED.name(ns), Topics.DISCOVERED, Duration.ofSeconds(20));
  }

  public static List<DeadLetter> deadLetters(KafkaSettings kafka, String ns) {
    return TopicReader.readAll(
        kafka, Topics.DEAD_LETTER.name(ns), Topics.DEAD_LETTER, Duration.ofSeconds(20));
  }
}
