package io.healthwatch.cli.demo;

import io.healthwatch.cli.ops.LoopbackPort;
import io.healthwatch.cli.ops.MetricsScraper;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.kafka.ConsumerLag;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Namespace;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.devstack.process.LocalPipeline;
import io.healthwatch.devstack.process.ServiceProcess;
import io.healthwatch.devstack.reset.NamespaceReset;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import io.healthwatch.devstack.sites.DemoSourcesFile;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.editorial.EditorialMain;
import io.healthwatch.editorial.issue.IssueMaterializer;
import io.healthwatch.indexer.OpenSearchClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The main job on the embedded default: serves the demo sites, runs crawler, enricher and indexer
 * as separate processes against Kafka and OpenSearch until the pipeline is idle, then materializes
 * the weekly issues. Progress is printed once a second.
 */
public final class DemoRunner {
  private static final String ENRICHER_APP = "healthwatch-enricher";
  private static final String INDEXER_GROUP = "healthwatch-indexer";

  private final DemoSettings settings;
  private final KafkaSettings kafka;

  public DemoRunner(DemoSettings settings) {
    this.settings = settings;
    this.kafka = new KafkaSettings(settings.kafkaBootstrap(), 3, (short) 1, Map.of());
  }

  public DemoResult run() throws Exception {
    long started = System.nanoTime();
    var out = settings.out();
    Path work = settings.workDir();
    String ns = settings.namespace();
    var openSearch =
        OpenSearchClients.create(new OpenSearchSettings(settings.openSearchUrl(), "", ""));
    if (settings.reset()) {
      out.println("resetting namespace '" + ns + "' (topics, groups, indices, enricher state)");
      new NamespaceReset(kafka, openSearch).reset(ns, work.resolve("enricher-state"));
    }
    Files.createDirectories(work);
    try (var sites = DemoSites.start(DemoCorpus.load());
        var admin = Admin.create(KafkaClients.common(kafka, "healthwatch-demo"))) {
      Path sources = DemoSourcesFile.write(sites, work.resolve("sources.yml"));
      out.printf(
          "serving %d demo sites on 127.0.0.1 (%s)%n", sites.corpus().outlets().size(), sources);
      int crawlerPort = LoopbackPort.free();
      int enricherPort = LoopbackPort.free();
      int indexerPort = LoopbackPort.free();
      String bootstrap = settings.kafkaBootstrap();
      var crawlerConfig =
          LocalPipeline.config(
              ns,
              bootstrap,
              crawlerPort,
              Map.of(
                  "sources",
                  sources.toString(),
                  "threads",
                  4,
                  "fetch",
                  Map.of(
                      "perHostDelayMillis", 50,
                      "retries", 1,
                      "userAgent", "healthwatch-demo/0.1",
                      "connectTimeoutMillis", 2000,
                      "readTimeoutMillis", 5000,
                      "retryBaseDelayMillis", 100)));
      var enricherConfig =
          LocalPipeline.config(
              ns,
              bootstrap,
              enricherPort,
              Map.of(
                  "stateDir",
                  work.resolve("enricher-state").toString(),
                  // The seed reports are from 2024 and 2025: accept a century of news in the demo.
                  "window",
                  Map.of("maxAge", "P36500D")));
      var indexerConfig =
          LocalPipeline.config(
              ns,
              bootstrap,
              indexerPort,
              Map.of(
                  "opensearch",
                  Map.of("url", settings.openSearchUrl()),
                  "indexReplicas",
                  0,
                  "bulk",
                  Map.of("maxDocs", 200, "flushMillis", 200, "retryMaxMillis", 5000)));
      Path editorialConfig =
          LocalPipeline.writeConfig(work.resolve("editorial.yml"), editorialConfig(ns, work));

      // The enricher and indexer start first so their groups exist before the first article.
      try (var pipeline =
          LocalPipeline.start(
              settings.home(),
              work,
              List.of(
                  LocalPipeline.Service.of("enricher", enricherConfig),
                  LocalPipeline.Service.of("indexer", indexerConfig),
                  LocalPipeline.Service.of("crawler", crawlerConfig, "--once")))) {
        var crawler = pipeline.process("crawler");
        var enricher = pipeline.process("enricher");
        var indexer = pipeline.process("indexer");
        out.printf(
            "started crawler (pid %d), enricher (pid %d), indexer (pid %d); logs in %s%n",
            crawler.pid(), enricher.pid(), indexer.pid(), pipeline.logs());
        waitUntilIdle(
            new ConsumerLag(admin),
            crawler,
            enricher,
            indexer,
            Map.of(crawler, crawlerPort, enricher, enricherPort, indexer, indexerPort));
      }
      long discovered = new ConsumerLag(admin).endOffsets(Topics.DISCOVERED.name(ns));
      var config = EditorialConfig.load(editorialConfig, Map.of(), Map.of());
      var issues = new ArrayList<IssueMaterializer.Result>();
      var skipped = new ArrayList<String>();
      materialize(openSearch, config, work.resolve("issues"), issues, skipped);
      var letters = DeadLetterReport.read(kafka, ns);
      return new DemoResult(
          issues, skipped, letters, discovered, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private void waitUntilIdle(
      ConsumerLag lag,
      ServiceProcess crawler,
      ServiceProcess enricher,
      ServiceProcess indexer,
      Map<ServiceProcess, Integer> ports)
      throws InterruptedException {
    String ns = settings.namespace();
    var progress = new ProgressLine(settings.out());
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    int idleRounds = 0;
    while (idleRounds < 2) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the pipeline did not become idle within "
                + settings.timeout().toSeconds()
                + " s; see the logs in "
                + crawler.log().getParent());
      }
      for (ServiceProcess service : List.of(enricher, indexer)) {
        if (!service.alive()) {
          throw new IllegalStateException(
              service.name()
                  + " exited (code "
                  + service.exitCode()
                  + "); last lines of "
                  + service.log()
                  + ":\n"
                  + service.tail(15));
        }
      }
      if (!crawler.alive() && crawler.exitCode() != 0) {
        throw new IllegalStateException(
            "crawler failed (code "
                + crawler.exitCode()
                + "); last lines of "
                + crawler.log()
                + ":\n"
                + crawler.tail(15));
      }
      long enricherLag = lag.of(Namespace.of(ns).group(ENRICHER_APP), Topics.DISCOVERED.name(ns));
      long indexerLag =
          sum(
              lag.of(Namespace.of(ns).group(INDEXER_GROUP), Topics.TAGGED.name(ns)),
              lag.of(Namespace.of(ns).group(INDEXER_GROUP), Topics.CRAWL_STATUS.name(ns)));
      progress.update(
          ports.entrySet().stream()
              .collect(
                  Collectors.toMap(
                      e -> e.getKey().name(), e -> MetricsScraper.scrape(e.getValue()))),
          !crawler.alive(),
          lag.endOffsets(Topics.DISCOVERED.name(ns)),
          enricherLag,
          indexerLag);
      boolean idle =
          !crawler.alive()
              && enricherLag == 0
              && indexerLag == 0
              && lag.endOffsets(Topics.TAGGED.name(ns)) > 0;
      idleRounds = idle ? idleRounds + 1 : 0;
      TimeUnit.SECONDS.sleep(1);
    }
    progress.finish();
  }

  /** Two lags, unknown (-1) when either is. */
  private static long sum(long a, long b) {
    return a < 0 || b < 0 ? -1 : a + b;
  }

  private void materialize(
      OpenSearchClient client,
      EditorialConfig config,
      Path outputDir,
      List<IssueMaterializer.Result> issues,
      List<String> skipped)
      throws IOException {
    EditorialMain.ensureIndices(client, config);
    client.indices().refresh(r -> r.index(Indices.ARTICLES.alias(config.namespace())));
    var materializer =
        new IssueMaterializer(client, config.namespace(), config.issues(), config.calendar());
    LocalDate firstAnchor = config.issues().anchors().get(0).windowEnd();
    for (LocalDate windowEnd : materializer.windowsWithCandidates()) {
      if (windowEnd.isBefore(firstAnchor)) {
        skipped.add(windowEnd + " (before the first numbering anchor " + firstAnchor + ")");
        continue;
      }
      issues.add(materializer.materialize(windowEnd, outputDir));
    }
  }

  /** The editorial settings the demo materializes with (in this process, once idle). */
  private Map<String, Object> editorialConfig(String ns, Path work) {
    return Map.of(
        "namespace",
        ns,
        "opensearch",
        Map.of("url", settings.openSearchUrl()),
        "indexReplicas",
        0,
        // The demo's weeks are long over: it materializes them itself once the pipeline is idle,
        // rather than the service publishing each from whatever part has arrived.
        "publishing",
        Map.of("enabled", false),
        "issues",
        Map.of(
            "outputDir",
            work.resolve("issues").toString(),
            "anchors",
            List.of(
                Map.of("windowEnd", "2024-05-17", "number", 575),
                Map.of("windowEnd", "2025-06-27", "number", 630))));
  }
}
