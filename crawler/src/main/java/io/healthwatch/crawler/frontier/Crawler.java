package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.CrawlMetrics;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.archive.PageArchive;
import io.healthwatch.crawler.archive.WarcArchive;
import io.healthwatch.crawler.extract.ArticlePage;
import io.healthwatch.crawler.fetch.FetchQueues;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.fetch.Politeness;
import io.healthwatch.crawler.fetch.RobotsCache;
import io.healthwatch.crawler.publish.ArticlePublisher;
import io.healthwatch.crawler.schedule.CrawlScheduler;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.crawler.state.CrawlDb;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * One crawler instance wired from its configuration: the frontier consumer and its loop, the owner
 * of the partitions' states, the fetch queues and fetch threads, the producer they share. The
 * service's main, the tests and the benchmarks all start crawlers through here.
 */
public final class Crawler implements AutoCloseable {
  /** The consumer group of the crawler's instances (before the namespace), sharing the frontier. */
  public static final String GROUP = "healthwatch-crawler";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Crawler.class);
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final StatusRestore restore;
  private final CrawlLoop loop;
  private final FetchQueues queues;
  private final CrawlDb db;
  private final FrontierOwner owner;
  private final List<FetchWorker> workers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  /** The Kafka clients' own meters (consumer lag, request rates), closed with the crawler. */
  private final List<io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics> clientMetrics =
      new ArrayList<>();

  private final PageArchive archive;
  private final CrawlMetrics metrics;

  private Crawler(
      KafkaProducer<String, byte[]> producer,
      KafkaConsumer<String, byte[]> consumer,
      StatusRestore restore,
      CrawlLoop loop,
      FetchQueues queues,
      CrawlDb db,
      FrontierOwner owner,
      PageArchive archive,
      CrawlMetrics metrics) {
    this.producer = producer;
    this.consumer = consumer;
    this.restore = restore;
    this.loop = loop;
    this.queues = queues;
    this.db = db;
    this.owner = owner;
    this.archive = archive;
    this.metrics = metrics;
  }

  /**
   * Builds the instance and starts its fetch threads; {@link #run} then runs the loop. The topics
   * must exist (TopicProvisioner).
   *
   * @param warcDirectory where responses are archived when {@code warc.enabled}
   * @param singlePass end once every source was read and nothing is due ({@code --once})
   * @throws IllegalStateException when the frontier and the status topic disagree on partitions
   */
  public static Crawler start(
      CrawlerConfig config,
      SourceRegistry registry,
      Path warcDirectory,
      boolean singlePass,
      MeterRegistry meters)
      throws IOException {
    String ns = config.namespace();
    String group = io.healthwatch.contracts.topic.Namespace.of(ns).group(GROUP);
    var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(config.kafka(), group));
    var restore = new StatusRestore(config.kafka(), ns, group + "-restore");
    var consumerProps = KafkaClients.consumer(config.kafka(), group, group + "-frontier");
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    var consumer = new KafkaConsumer<String, byte[]>(consumerProps);
    try {
      int partitions =
          checkPartitions(
              ns,
              consumer.partitionsFor(Topics.FRONTIER.name(ns), Duration.ofSeconds(30)).size(),
              restore.partitions(Duration.ofSeconds(30)));
      Clock clock = Clock.systemUTC();
      var metrics = new CrawlMetrics(meters);
      var db = new CrawlDb();
      var queues = new FetchQueues(clock, Duration.ofMillis(config.fetch().perHostDelayMillis()));
      var politeness = new Politeness(config.fetch().politenessBy());
      var sink = new KafkaStateSink(producer, ns);
      var owner =
          new FrontierOwner(
              db,
              new CrawlScheduler(config.schedule(), RandomGenerator.getDefault()),
              queues,
              politeness,
              sink,
              metrics,
              registry,
              config.recheckEvery(),
              partitions,
              ns,
              singlePass,
              clock);
      var reports = new LinkedBlockingQueue<FetchReport>();
      var loop =
          new CrawlLoop(
              consumer,
              owner,
              restore,
              queues,
              reports,
              sink,
              ns,
              singlePass,
              Duration.ofMillis(
                  config.fetch().maxDurationMillis() + config.fetch().connectTimeoutMillis()),
              clock);
      PageArchive archive =
          config.warc().enabled()
              ? new WarcArchive(warcDirectory, config.warc().maxFileBytes())
              : PageArchive.NONE;
      var crawler =
          new Crawler(producer, consumer, restore, loop, queues, db, owner, archive, metrics);
      Map<String, Source> sources = new HashMap<>();
      registry.sources().forEach(source -> sources.put(source.id(), source));
      var fetcher = new HttpFetcher(config.fetch());
      var robots = new RobotsCache(config.fetch().userAgent(), config.fetch().robotsCacheSize());
      var publisher = new ArticlePublisher(producer, ns);
      for (int i = 0; i < config.threads(); i++) {
        var worker =
            new FetchWorker(
                queues,
                fetcher,
                robots,
                config.fetch(),
                sources,
                new ArticlePage(),
                publisher,
                archive,
                reports,
                metrics,
                clock);
        var thread = new Thread(worker, "fetch-" + i);
        thread.setDaemon(true);
        crawler.workers.add(worker);
        crawler.threads.add(thread);
        thread.start();
      }
      metrics.watch(db, queues, registry.sources(), config.recheckEvery(), clock);
      crawler.clientMetrics.add(
          new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(producer));
      crawler.clientMetrics.add(
          new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(consumer));
      crawler.clientMetrics.forEach(binder -> binder.bindTo(meters));
      return crawler;
    } catch (RuntimeException | IOException e) {
      consumer.close();
      restore.close();
      producer.close();
      throw e;
    }
  }

  /**
   * @return the partition count the frontier and the status topic share
   * @throws IllegalStateException when the broker knows none, or the two disagree
   */
  private static int checkPartitions(String ns, int frontier, int status) {
    if (frontier == 0 || status == 0) {
      throw new IllegalStateException(
          "the broker knows no partitions of "
              + (frontier == 0 ? Topics.FRONTIER.name(ns) : Topics.CRAWL_STATUS.name(ns))
              + ": the topics are made by TopicProvisioner before the crawler starts");
    }
    if (frontier != status) {
      throw new IllegalStateException(
          Topics.FRONTIER.name(ns)
              + " has "
              + frontier
              + " partitions but "
              + Topics.CRAWL_STATUS.name(ns)
              + " has "
              + status
              + ": a host's state lives in the partition of the same number, so both need the"
              + " same count (add partitions to the smaller one)");
    }
    return frontier;
  }

  /** Runs the crawl loop on this thread until {@link #stop} (or the end of a single pass). */
  public void run() {
    loop.run();
  }

  /** Asks the loop to finish (in-flight pages are awaited and recorded); any thread. */
  public void stop() {
    loop.stop();
  }

  public CrawlMetrics metrics() {
    return metrics;
  }

  /** The frontier partitions (and so hosts) this instance owns now. */
  public Set<Integer> ownedPartitions() {
    return db.partitions();
  }

  /** The crawl states this instance holds. */
  public CrawlDb states() {
    return db;
  }

  /** Whether this instance holds the URL's state (it owns the URL's host). */
  public boolean holds(String url) {
    return db.known(owner.partitionOfUrl(url), url);
  }

  public FetchQueues queues() {
    return queues;
  }

  @Override
  public void close() {
    queues.shutdown();
    workers.forEach(FetchWorker::stop);
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeConsumer();
    archive.close();
    restore.close();
    clientMetrics.forEach(io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics::close);
    producer.close(Duration.ofSeconds(10));
  }

  /**
   * Closing the frontier consumer is what makes it leave the group at once: without it the
   * instance's hosts wait for the group's session timeout (45 s) before another instance takes
   * them.
   */
  private void closeConsumer() {
    try {
      consumer.close(Duration.ofSeconds(10));
    } catch (java.util.ConcurrentModificationException e) {
      LOG.warn("the crawl loop is still running; its consumer is left to the process exit");
    }
  }
}
