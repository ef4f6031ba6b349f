package io.healthwatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.kafka.ConsumerLag;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.devstack.process.LocalPipeline;
import io.healthwatch.devstack.process.LocalPipeline.Service;
import io.healthwatch.devstack.process.SourcesRegistry;
import io.healthwatch.devstack.reset.NamespaceReset;
import io.healthwatch.devstack.services.LocalService;
import io.healthwatch.devstack.services.LocalServices;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.LiveSite;
import io.healthwatch.enricher.EnricherConfig;
import io.healthwatch.indexer.IndexerConfig;
import io.healthwatch.indexer.OpenSearchClients;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Time;

/**
 * {@code scripts/bench soak [ARTICLES] [HOSTS]}: real-shaped articles (real paragraphs, 3-10 KB,
 * each a distinct story) from many loopback news sites through the three services as processes,
 * against the local broker and node. First each stage alone on a sample (the crawler on its own
 * sites, the enricher on a topic filled beforehand, the indexer on the enricher's output), then the
 * whole pipeline with articles published at the slowest stage's rate. Prints each stage's sustained
 * rate in the pipeline, consumer lag over time, latency from the feed listing an article to the
 * indexer writing it, each process's peak memory, and checks that every article is counted once: in
 * the index, or on the duplicates topic as a reprint. Bounded: it gives up (exit 1) when the
 * pipeline has not caught up twice the publishing time plus ten minutes after the start.
 */
final class SoakBench {
  /** Items in each site's feed: a real feed's size, and enough for the crawler-alone sample. */
  private static final int FEED_LENGTH = 60;

  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
  private static final Duration PRINT_EVERY = Duration.ofSeconds(30);

  private SoakBench() {}

  /**
   * One stage's throughput: records between its first and its last step, over that time, and the
   * CPU milliseconds per record each process used meanwhile.
   */
  record Rate(String stage, long records, double seconds, Map<String, Double> cpu) {
    Rate(String stage, long records, double seconds) {
      this(stage, records, seconds, Map.of());
    }

    double perSecond() {
      return seconds <= 0 ? Double.NaN : records / seconds;
    }
  }

  /** Progress of every stage at one moment of the pipeline run. */
  private record Sample(
      double at,
      long published,
      long crawled,
      long enriched,
      long indexed,
      long enricherLag,
      long indexerLag) {}

  static void run(Path home, int count, int hostCount, int aloneCount, PrintStream out)
      throws Exception {
    var services = LocalServices.fromEnvironment(home);
    services.startAll();
    var config = services.config();
    String run = UUID.randomUUID().toString().substring(0, 6);
    Path work = Files.createTempDirectory("healthwatch-soak");
    var kafka = new KafkaSettings(config.kafkaBootstrap(), 3, (short) 1, Map.of());
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(config.openSearchUrl(), "", ""));
    Path data = home.resolveSibling("shared").resolve("extraction");
    if (!Files.isDirectory(data)) {
      out.println("shared extraction data not at " + data + ": paragraphs of the demo corpus only");
    }
    List<DiscoveredArticle> stories =
        EnricherBench.articles(GoldSets.load(data), count + 2 * aloneCount);
    String crawlNs = "soak-" + run + "-crawl";
    String enrichNs = "soak-" + run + "-enrich";
    String pipeNs = "soak-" + run + "-pipe";
    out.printf(
        "%,d articles from %d loopback sites (feeds of %d items), stages alone on %,d each;"
            + " services' logs under %s%n",
        count, hostCount, FEED_LENGTH, aloneCount, work);
    try (Admin admin = Admin.create(KafkaClients.common(kafka, "healthwatch-soak"))) {
      var lag = new ConsumerLag(admin);

      // 1. Each stage alone, on its own sample.
      Rate crawlerAlone;
      try (var sites = Sites.start(hostCount, pages(stories.subList(0, aloneCount), run + "c"))) {
        sites.publishAll();
        try (var crawler =
            LocalPipeline.start(
                home,
                work.resolve("crawler-alone"),
                List.of(crawler(crawlNs, config, sites, Duration.ofSeconds(1))))) {
          crawlerAlone =
              measure(
                  "crawler alone",
                  () -> lag.endOffsets(Topics.DISCOVERED.name(crawlNs)),
                  done -> done >= aloneCount,
                  crawler,
                  cpuOf(crawler, services, "crawler"),
                  out);
        }
      }
      produce(kafka, enrichNs, stories.subList(aloneCount, 2 * aloneCount));
      Rate enricherAlone;
      int taggedAlone;
      try (var output = new Output(kafka, enrichNs);
          var enricher =
              LocalPipeline.start(
                  home,
                  work.resolve("enricher-alone"),
                  List.of(enricher(enrichNs, config, work)))) {
        enricherAlone =
            measure(
                "enricher alone",
                output::articles,
                done -> done >= aloneCount,
                enricher,
                cpuOf(enricher, services, "enricher"),
                out);
        taggedAlone = output.tagged.size();
      }
      Rate indexerAlone;
      try (var indexer =
          LocalPipeline.start(
              home, work.resolve("indexer-alone"), List.of(indexer(enrichNs, config)))) {
        indexerAlone =
            measure(
                "indexer alone",
                () -> Math.max(0, docs(client, enrichNs)),
                done -> done >= taggedAlone,
                indexer,
                cpuOf(indexer, services, "indexer"),
                out);
      }
      Rate slowest = crawlerAlone;
      for (Rate rate : List.of(enricherAlone, indexerAlone)) {
        if (rate.perSecond() < slowest.perSecond()) {
          slowest = rate;
        }
      }

      // 2. The whole pipeline, fed at the slowest stage's rate.
      double offered = slowest.perSecond();
      out.printf(
          "%npipeline: %,d articles published at %.0f/s (the %s rate), feeds read every %.1f s%n",
          count, offered, slowest.stage(), recheck(offered, hostCount).toMillis() / 1000.0);
      var pipelinePages = pages(stories.subList(2 * aloneCount, stories.size()), run + "p");
      try (var sites = Sites.start(hostCount, pipelinePages);
          var output = new Output(kafka, pipeNs);
          var pipeline =
              LocalPipeline.start(
                  home,
                  work.resolve("pipeline"),
                  List.of(
                      enricher(pipeNs, config, work),
                      indexer(pipeNs, config),
                      crawler(pipeNs, config, sites, recheck(offered, hostCount))))) {
        var cpu = cpuOf(pipeline, services, "crawler", "enricher", "indexer");
        var cpuBefore = cpu.now();
        var samples = follow(pipeline, sites, output, offered, count, lag, client, pipeNs, out);
        var cpuPerArticle =
            CpuUse.perRecord(cpuBefore, cpu.now(), samples.get(samples.size() - 1).indexed());
        var memory = peakMemory(pipeline, services);
        report(
            samples,
            count,
            List.of(crawlerAlone, enricherAlone, indexerAlone),
            slowest,
            cpuPerArticle,
            memory,
            out);
        countOnce(client, output, pipeNs, sites, out);
      }
    } finally {
      var reset =
          new NamespaceReset(
              new KafkaSettings(config.kafkaBootstrap(), 1, (short) 1, Map.of()), client);
      for (String ns : List.of(crawlNs, enrichNs, pipeNs)) {
        reset.reset(ns, work.resolve(ns + "-state"));
      }
      client._transport().close();
    }
  }

  /**
   * The enricher's committed output as a downstream consumer sees it (read_committed): the distinct
   * articles on the tagged topic and on the duplicates topic. Its input offsets say nothing: its
   * first sub-topology only repartitions, the work is done after that.
   */
  private static final class Output implements AutoCloseable {
    final Set<String> tagged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final Set<String> duplicates = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Articles the enricher set aside, with the reason (each an operator can see and replay). */
    final Map<String, String> deadLetters = new java.util.concurrent.ConcurrentHashMap<>();

    /** Tagged, reprinted or set aside: kept as records come, since it is asked for every second. */
    private final Set<String> finished = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Thread thread;
    private volatile boolean stop;

    Output(KafkaSettings kafka, String ns) {
      TopicProvisioner.ensure(
          kafka, ns, List.of(Topics.TAGGED, Topics.DUPLICATES, Topics.DEAD_LETTER));
      var props = new HashMap<>(KafkaClients.common(kafka, "healthwatch-soak-output"));
      props.put("isolation.level", "read_committed");
      props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
      props.put(
          "value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
      String taggedTopic = Topics.TAGGED.name(ns);
      String duplicatesTopic = Topics.DUPLICATES.name(ns);
      String deadLetterTopic = Topics.DEAD_LETTER.name(ns);
      thread =
          new Thread(
              () -> {
                try (var consumer =
                    new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(props)) {
                  var partitions = new ArrayList<org.apache.kafka.common.TopicPartition>();
                  for (String topic : List.of(taggedTopic, duplicatesTopic, deadLetterTopic)) {
                    consumer
                        .partitionsFor(topic)
                        .forEach(
                            p ->
                                partitions.add(
                                    new org.apache.kafka.common.TopicPartition(
                                        topic, p.partition())));
                  }
                  consumer.assign(partitions);
                  consumer.seekToBeginning(partitions);
                  while (!stop) {
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                      if (record.topic().equals(taggedTopic)) {
                        tagged.add(record.key());
                        finished.add(record.key());
                      } else if (record.topic().equals(duplicatesTopic)) {
                        duplicates.add(record.key());
                        finished.add(record.key());
                      } else {
                        var letter = Topics.DEAD_LETTER.valueSerde().fromBytes(record.value());
                        if ("enricher".equals(letter.stage()) && letter.key() != null) {
                          deadLetters.put(
                              letter.key(),
                              letter.reason() + " " + letter.url() + ": " + letter.message());
                          finished.add(letter.key());
                        }
                      }
                    }
                  }
                }
              },
              "soak-output");
      thread.setDaemon(true);
      thread.start();
    }

    /** Articles the enricher has finished: tagged, found to be a reprint, or set aside. */
    long articles() {
      return finished.size();
    }

    @Override
    public void close() throws InterruptedException {
      stop = true;
      thread.join(5_000);
    }
  }

  /** The sites, each with its share of the articles, publishing them when asked. */
  private static final class Sites implements AutoCloseable {
    final List<LiveSite> sites = new ArrayList<>();
    final List<DemoCorpus.Article> pages;
    final AtomicInteger published = new AtomicInteger();

    private Sites(List<DemoCorpus.Article> pages) {
      this.pages = pages;
    }

    static Sites start(int count, List<DemoCorpus.Article> pages) throws IOException {
      var outlets = DemoCorpus.load().outlets();
      var sites = new Sites(pages);
      for (int i = 0; i < count; i++) {
        sites.sites.add(LiveSite.start(outlets.get(i % outlets.size()), FEED_LENGTH));
      }
      return sites;
    }

    LiveSite siteOf(int page) {
      return sites.get(page % sites.size());
    }

    /** Publishes the next page; false when all are out. */
    boolean publishNext() {
      int next = published.getAndIncrement();
      if (next >= pages.size()) {
        published.decrementAndGet();
        return false;
      }
      siteOf(next).publish(pages.get(next));
      return true;
    }

    void publishAll() {
      while (publishNext()) {
        // all at once: the crawler-alone sample starts with every page listed
      }
    }

    Path registry(Path file) throws IOException {
      var sources = new ArrayList<Map<String, Object>>();
      for (int i = 0; i < sites.size(); i++) {
        sources.add(SourcesRegistry.rss("soak" + i, "soak site " + i, sites.get(i).feedUrl()));
      }
      return SourcesRegistry.write(file, sources);
    }

    @Override
    public void close() {
      sites.forEach(LiveSite::close);
    }
  }

  /** The stories as pages of the live sites, dated now (this week), each under its own link. */
  static List<DemoCorpus.Article> pages(List<DiscoveredArticle> stories, String run) {
    var pages = new ArrayList<DemoCorpus.Article>(stories.size());
    OffsetDateTime now = OffsetDateTime.now(io.healthwatch.contracts.calendar.ChinaTime.ZONE);
    for (int n = 0; n < stories.size(); n++) {
      var story = stories.get(n);
      String id = run + "-" + n;
      pages.add(
          DemoCorpus.Article.live(
              id,
              story.title(),
              "http://soak.example/news/" + id + ".html",
              now.withNano(0),
              Arrays.stream(story.body().split("\n\n")).filter(p -> !p.isBlank()).toList()));
    }
    return pages;
  }

  /**
   * How often the crawler reads the feeds in the pipeline run: six times while a site's feed turns
   * over at the offered rate (it lists the latest {@value #FEED_LENGTH}), so no item leaves a feed
   * unread, without polling each feed every second as no crawler of real sites would (measured:
   * polling every second doubled the crawler's CPU per article and loaded the sites alike).
   */
  static Duration recheck(double offered, int hosts) {
    double turnover = FEED_LENGTH * hosts / offered;
    return Duration.ofMillis((long) Math.max(1000, Math.min(30_000, turnover * 1000 / 6)));
  }

  private static Service crawler(
      String ns,
      io.healthwatch.devstack.services.ServicesConfig config,
      Sites sites,
      Duration recheck)
      throws IOException {
    Path registry =
        sites.registry(
            Files.createTempDirectory("healthwatch-soak-sources").resolve("sources.yml"));
    return Service.of(
        "crawler",
        LocalPipeline.config(
            ns,
            config.kafkaBootstrap(),
            -1,
            Map.of(
                "sources",
                registry.toString(),
                "recheckEvery",
                recheck.toString(),
                "threads",
                32,
                "fetch",
                Map.of("perHostDelayMillis", 100))));
  }

  private static Service enricher(
      String ns, io.healthwatch.devstack.services.ServicesConfig config, Path work) {
    return Service.of(
        "enricher",
        LocalPipeline.config(
            ns,
            config.kafkaBootstrap(),
            -1,
            Map.of("stateDir", work.resolve(ns + "-state").toString())));
  }

  private static Service indexer(
      String ns, io.healthwatch.devstack.services.ServicesConfig config) {
    return Service.of(
        "indexer",
        LocalPipeline.config(
            ns,
            config.kafkaBootstrap(),
            -1,
            Map.of("opensearch", Map.of("url", config.openSearchUrl()), "indexReplicas", 0)));
  }

  private static String enricherGroup(String ns) {
    return EnricherConfig.load(null, Map.of(), Map.of("namespace", ns)).qualifiedApplicationId();
  }

  private static String indexerGroup(String ns) {
    return IndexerConfig.load(null, Map.of(), Map.of("namespace", ns)).qualifiedGroupId();
  }

  private static void produce(KafkaSettings kafka, String ns, List<DiscoveredArticle> articles) {
    TopicProvisioner.ensure(kafka, ns, List.of(Topics.DISCOVERED));
    // Fetched now and published this week, as the crawler would send them: older ones are
    // (rightly) refused by the enricher's acceptance horizon.
    OffsetDateTime published =
        OffsetDateTime.now(io.healthwatch.contracts.calendar.ChinaTime.ZONE).withNano(0);
    Instant fetched = Instant.now();
    try (var producer =
        new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "healthwatch-soak"))) {
      for (var story : articles) {
        var article =
            new DiscoveredArticle(
                story.schemaVersion(),
                story.id(),
                story.canonicalUrl(),
                story.fetchedUrl(),
                story.sourceId(),
                story.sourceName(),
                story.title(),
                published,
                story.author(),
                story.body(),
                fetched);
        producer.send(
            new ProducerRecord<>(
                Topics.DISCOVERED.name(ns),
                article.id(),
                Topics.DISCOVERED.valueSerde().toBytes(article)));
      }
      producer.flush();
    }
  }

  private static long docs(OpenSearchClient client, String ns) {
    try {
      return client.count(c -> c.index(Indices.ARTICLES.alias(ns))).count();
    } catch (Exception e) {
      return -1; // not created yet, or its shard not started yet
    }
  }

  /**
   * Polls a stage's progress until done; its rate is taken from the first poll that saw progress to
   * the last one that saw a change, so start-up and the final idle polls do not count.
   */
  private static Rate measure(
      String stage,
      LongSupplier progress,
      java.util.function.LongPredicate done,
      LocalPipeline pipeline,
      CpuUse cpu,
      PrintStream out)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    long firstAt = -1;
    long firstValue = 0;
    long lastAt = -1;
    long value = 0;
    Map<String, Long> cpuFirst = null;
    Map<String, Long> cpuLast = null;
    while (true) {
      pipeline.requireAlive();
      long now = System.nanoTime();
      long seen = progress.getAsLong();
      if (seen > value) {
        if (firstAt < 0) {
          firstAt = now;
          firstValue = seen;
          cpuFirst = cpu.now();
        }
        lastAt = now;
        value = seen;
        cpuLast = cpu.now();
      }
      if (done.test(value)) {
        break;
      }
      if (now > deadline) {
        throw new IllegalStateException(
            stage + ": only " + value + " records after 20 minutes; logs in " + pipeline.logs());
      }
      Thread.sleep(250);
    }
    var rate =
        new Rate(
            stage,
            value - firstValue,
            (lastAt - firstAt) / 1e9,
            CpuUse.perRecord(cpuFirst, cpuLast, value - firstValue));
    out.printf(
        "%-15s %,8d records in %6.1f s: %6.0f/s; CPU ms per record %s%n",
        stage, rate.records(), rate.seconds(), rate.perSecond(), milliseconds(rate.cpu()));
    return rate;
  }

  private static String milliseconds(Map<String, Double> cpu) {
    return cpu.entrySet().stream()
        .map(entry -> String.format("%s %.2f", entry.getKey(), entry.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Publishes at the offered rate and samples every stage until the index has caught up. */
  private static List<Sample> follow(
      LocalPipeline pipeline,
      Sites sites,
      Output output,
      double offered,
      int count,
      ConsumerLag lag,
      OpenSearchClient client,
      String ns,
      PrintStream out)
      throws InterruptedException {
    String enricherGroup = enricherGroup(ns);
    String indexerGroup = indexerGroup(ns);
    var publisher =
        new Thread(
            () -> {
              long start = System.nanoTime();
              long n = 0;
              while (!Thread.currentThread().isInterrupted() && sites.publishNext()) {
                n++;
                long due = start + (long) (n * 1e9 / offered);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                  try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            },
            "soak-publisher");
    long start = System.nanoTime();
    long deadline = start + (long) ((2 * count / offered + 600) * 1e9);
    publisher.start();
    var samples = new ArrayList<Sample>();
    long nextPrint = start;
    out.println("     s  published    crawled   enriched    indexed  lag:enricher  indexer");
    try {
      while (true) {
        pipeline.requireAlive();
        long now = System.nanoTime();
        // Its input and its own repartition topic: the dedup step reads the second.
        long enricherLag =
            lag.of(enricherGroup, Topics.DISCOVERED.name(ns))
                + lag.of(enricherGroup, enricherGroup + "-dedup-input-repartition");
        long indexerLag = lag.of(indexerGroup, Topics.TAGGED.name(ns));
        var sample =
            new Sample(
                (now - start) / 1e9,
                sites.published.get(),
                Math.max(0, lag.endOffsets(Topics.DISCOVERED.name(ns))),
                output.articles(),
                Math.max(0, docs(client, ns)),
                enricherLag,
                indexerLag);
        samples.add(sample);
        boolean caughtUp = sample.enriched() >= count && sample.indexed() >= output.tagged.size();
        if (now >= nextPrint || caughtUp) {
          out.printf(
              "%6.0f %10d %10d %10d %10d %13d %8d%n",
              sample.at(),
              sample.published(),
              sample.crawled(),
              sample.enriched(),
              sample.indexed(),
              enricherLag,
              indexerLag);
          nextPrint = now + PRINT_EVERY.toNanos();
        }
        if (caughtUp) {
          // The last bulk is written; one refresh later the count is final.
          Thread.sleep(2000);
          long indexed = Math.max(0, docs(client, ns));
          samples.add(
              new Sample(
                  (System.nanoTime() - start) / 1e9,
                  sample.published(),
                  sample.crawled(),
                  sample.enriched(),
                  indexed,
                  0,
                  0));
          return samples;
        }
        if (now > deadline) {
          throw new IllegalStateException(
              "the pipeline had not caught up by the deadline: "
                  + sample
                  + "; logs in "
                  + pipeline.logs());
        }
        Thread.sleep(SAMPLE_EVERY.toMillis());
      }
    } finally {
      publisher.interrupt();
      publisher.join();
    }
  }

  /** A stage's rate in the pipeline: from the first sample that saw it move to the last change. */
  private static Rate inPipeline(
      String stage, List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
    double first = -1;
    double last = -1;
    long firstValue = 0;
    long lastValue = 0;
    for (var sample : samples) {
      long v = value.applyAsLong(sample);
      if (v > lastValue) {
        if (first < 0) {
          first = sample.at();
          firstValue = v;
        }
        last = sample.at();
        lastValue = v;
      }
    }
    return new Rate(stage, lastValue - firstValue, last - first);
  }

  private static void report(
      List<Sample> samples,
      int count,
      List<Rate> alone,
      Rate slowest,
      Map<String, Double> cpuInPipeline,
      Map<String, Long> memory,
      PrintStream out) {
    var inPipeline =
        List.of(
            inPipeline("crawler", samples, Sample::crawled),
            inPipeline("enricher", samples, Sample::enriched),
            inPipeline("indexer", samples, Sample::indexed));
    out.println();
    out.println("sustained articles/s     alone   in the pipeline");
    for (int i = 0; i < alone.size(); i++) {
      out.printf(
          "%-22s %7.0f   %7.0f%n",
          inPipeline.get(i).stage(), alone.get(i).perSecond(), inPipeline.get(i).perSecond());
    }
    var last = samples.get(samples.size() - 1);
    // From the first article published to the last one written: what the whole pipeline sustains.
    double whole = last.indexed() / last.at();
    out.printf(
        "whole pipeline: %,d articles in %.0f s = %.0f/s; slowest stage alone (%s) %.0f/s;"
            + " ratio %.2f (target >= 0.80)%n",
        last.indexed(),
        last.at(),
        whole,
        slowest.stage(),
        slowest.perSecond(),
        whole / slowest.perSecond());
    cpuBound(alone, cpuInPipeline, whole, slowest.perSecond(), out);
    long maxEnricherLag = samples.stream().mapToLong(Sample::enricherLag).max().orElse(0);
    long maxIndexerLag = samples.stream().mapToLong(Sample::indexerLag).max().orElse(0);
    out.printf(
        "largest consumer lag: enricher %,d records, indexer %,d records%n",
        maxEnricherLag, maxIndexerLag);
    out.println("peak resident memory (VmHWM):");
    memory.forEach((name, kb) -> out.printf("  %-10s %,7d MB%n", name, kb / 1024));
  }

  /**
   * CPU per article, each stage alone (the broker, the node and the harness summed over the three
   * runs, each had its share of every stage) and in the pipeline: on one machine the sum bounds
   * what its cores carry, whatever the stages' rates alone.
   */
  private static void cpuBound(
      List<Rate> alone,
      Map<String, Double> inPipeline,
      double whole,
      double slowest,
      PrintStream out) {
    var aloneCost = new LinkedHashMap<String, Double>();
    for (Rate rate : alone) {
      rate.cpu().forEach((name, ms) -> aloneCost.merge(name, ms, Double::sum));
    }
    out.println("CPU ms per article       alone   in the pipeline");
    double sumAlone = 0;
    double sumPipeline = 0;
    for (var entry : aloneCost.entrySet()) {
      double piped = inPipeline.getOrDefault(entry.getKey(), Double.NaN);
      out.printf("%-22s %7.2f   %7.2f%n", entry.getKey(), entry.getValue(), piped);
      sumAlone += entry.getValue();
      sumPipeline += Double.isNaN(piped) ? 0 : piped;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double bound = cores * 1000 / sumAlone;
    out.printf(
        "all                    %7.2f   %7.2f%n"
            + "so %d cores carry at most %.0f articles/s at the stages' cost alone (the slowest"
            + " stage's rate alone needs %.1f cores); the pipeline ran at %.2f of that%n",
        sumAlone, sumPipeline, cores, bound, slowest * sumAlone / 1000, whole / bound);
  }

  /** The CPU of the named services, the broker, the node and this harness (the sites). */
  private static CpuUse cpuOf(LocalPipeline pipeline, LocalServices services, String... names) {
    var pids = new LinkedHashMap<String, Long>();
    for (String name : names) {
      pids.put(name, pipeline.process(name).pid());
    }
    for (LocalService.Status status : services.statusAll()) {
      pids.put(status.name(), status.pid());
    }
    pids.put("harness", ProcessHandle.current().pid());
    return new CpuUse(pids);
  }

  /** Each process's peak resident set: the services, the broker and the node. */
  private static Map<String, Long> peakMemory(LocalPipeline pipeline, LocalServices services) {
    var peaks = new LinkedHashMap<String, Long>();
    for (String name : List.of("crawler", "enricher", "indexer")) {
      peaks.put(name, vmHwm(pipeline.process(name).pid()));
    }
    for (LocalService.Status status : services.statusAll()) {
      peaks.put(status.name(), vmHwm(status.pid()));
    }
    return peaks;
  }

  /** Peak RSS in kB of a process and its descendants (a launcher script's JVM), the largest. */
  private static long vmHwm(long pid) {
    var handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return -1;
    }
    long peak = hwm(pid);
    for (var child : handle.get().descendants().toList()) {
      peak = Math.max(peak, hwm(child.pid()));
    }
    return peak;
  }

  private static long hwm(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not ours to read
    }
    return -1;
  }

  /**
   * Every page published is counted once: in the index or, as a reprint, on the duplicates topic;
   * and the latency from the feed listing it to the indexer writing it.
   */
  private static void countOnce(
      OpenSearchClient client, Output output, String ns, Sites sites, PrintStream out)
      throws IOException {
    var listedAt = new HashMap<String, Instant>();
    for (int i = 0; i < sites.pages.size(); i++) {
      var page = sites.pages.get(i);
      listedAt.put(
          ArticleIds.forCanonicalUrl(page.link()),
          sites.siteOf(i).listedAt(page.id()).orElseThrow());
    }
    var indexed = new HashMap<String, Instant>();
    int twice = 0;
    var response =
        client.search(
            s ->
                s.index(Indices.ARTICLES.alias(ns))
                    .size(5000)
                    .scroll(Time.of(t -> t.time("2m")))
                    .source(src -> src.filter(f -> f.includes("id", "indexedAt"))),
            JsonNode.class);
    String scroll = response.scrollId();
    var hits = response.hits().hits();
    while (!hits.isEmpty()) {
      for (var hit : hits) {
        if (indexed.put(hit.id(), Instant.parse(hit.source().path("indexedAt").asText())) != null) {
          twice++;
        }
      }
      String id = scroll;
      var next =
          client.scroll(s -> s.scrollId(id).scroll(Time.of(t -> t.time("2m"))), JsonNode.class);
      scroll = next.scrollId();
      hits = next.hits().hits();
    }
    String lastScroll = scroll;
    client.clearScroll(c -> c.scrollId(lastScroll));
    Set<String> reprints = new HashSet<>(output.duplicates);
    reprints.removeAll(output.tagged); // an original first tagged, then found to be a reprint
    var setAside = output.deadLetters;
    var missing = new HashSet<>(listedAt.keySet());
    missing.removeAll(indexed.keySet());
    missing.removeAll(reprints);
    missing.removeAll(setAside.keySet());
    var both = new HashSet<>(indexed.keySet());
    both.retainAll(reprints);
    for (String id : setAside.keySet()) {
      if (indexed.containsKey(id) || reprints.contains(id)) {
        both.add(id);
      }
    }
    var unknown = new HashSet<>(indexed.keySet());
    unknown.removeAll(listedAt.keySet());
    double[] latency =
        indexed.entrySet().stream()
            .filter(e -> listedAt.containsKey(e.getKey()))
            .mapToDouble(
                e -> Duration.between(listedAt.get(e.getKey()), e.getValue()).toMillis() / 1000.0)
            .sorted()
            .toArray();
    out.printf(
        "latency, listed in a feed -> written to the index (s): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
        LatencyBench.percentile(latency, 50),
        LatencyBench.percentile(latency, 95),
        LatencyBench.percentile(latency, 99),
        LatencyBench.percentile(latency, 100));
    out.printf(
        "counted: %,d published; %,d in the index, %,d reprints on the duplicates topic,"
            + " %d dead-lettered by the enricher; missing %d, in two places %d, indexed twice %d,"
            + " not published %d%n",
        listedAt.size(),
        indexed.size(),
        reprints.size(),
        setAside.size(),
        missing.size(),
        both.size(),
        twice,
        unknown.size());
    setAside.values().stream().limit(10).forEach(reason -> out.println("  dead letter: " + reason));
    if (!missing.isEmpty() || !both.isEmpty() || twice > 0 || !unknown.isEmpty()) {
      throw new IllegalStateException("not every article was counted exactly once");
    }
    out.println("every article counted exactly once");
  }
}
