package io.healthwatch.cli.demo;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Namespace;
import io.healthwatch.contracts.topic.Topics;
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
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
      int crawlerPort = freePort();
      int enricherPort = freePort();
      int indexerPort = freePort();
      Path crawlerConfig =
          write(
              work.resolve("crawler.yml"),
              common(ns, crawlerPort)
                  + "sources: "
                  + sources
                  + "\nthreads: 4\nfetch:\n  perHostDelayMillis: 50\n  retries: 1\n"
                  + "  userAgent: \"healthwatch-demo/0.1\"\n  connectTimeoutMillis: 2000\n  readTimeoutMillis: 5000\n"
                  + "  maxBytes: 5242880\n  retryBaseDelayMillis: 100\n  respectRobots: true\n");
      Path enricherConfig =
          write(
              work.resolve("enricher.yml"),
              common(ns, enricherPort)
                  + "stateDir: "
                  + work.resolve("enricher-state")
                  + "\n"
                  // The seed reports are from 2024 and 2025: accept a century of news in the demo.
                  + "window:\n  maxAge: P36500D\n  futureSkew: PT6H\n");
      Path indexerConfig = write(work.resolve("indexer.yml"), indexerYaml(ns, indexerPort));
      Path editorialConfig = write(work.resolve("editorial.yml"), editorialYaml(ns, work));

      // The enricher and indexer start first so their groups exist before the first article.
      var enricher = start("enricher", enricherConfig);
      var indexer = start("indexer", indexerConfig);
      var crawler = start("crawler", crawlerConfig, "--once");
      out.printf(
          "started crawler (pid %d), enricher (pid %d), indexer (pid %d); logs in %s%n",
          crawler.pid(), enricher.pid(), indexer.pid(), work.resolve("logs"));
      try {
        waitUntilIdle(
            new ConsumerLag(admin),
            crawler,
            enricher,
            indexer,
            Map.of(crawler, crawlerPort, enricher, enricherPort, indexer, indexerPort));
      } finally {
        enricher.stop(30);
        indexer.stop(30);
        crawler.stop(5);
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

  private String common(String ns, int opsPort) {
    return "namespace: "
        + ns
        + "\nkafka:\n  bootstrapServers: "
        + settings.kafkaBootstrap()
        + "\n  partitions: 3\n  replicationFactor: 1\nops:\n  host: 127.0.0.1\n  port: "
        + opsPort
        + "\n";
  }

  private String indexerYaml(String ns, int opsPort) {
    return common(ns, opsPort)
        + "opensearch:\n  url: "
        + settings.openSearchUrl()
        + "\n"
        + "indexReplicas: 0\nbulk:\n  maxDocs: 200\n  maxBytes: 5242880\n  flushMillis: 200\n"
        + "  retryBaseMillis: 200\n  retryMaxMillis: 5000\n";
  }

  private String editorialYaml(String ns, Path work) {
    return "namespace: "
        + ns
        + "\nopensearch:\n  url: "
        + settings.openSearchUrl()
        + "\nindexReplicas: 0\n"
        // The demo's weeks are long over: it materializes them itself once the pipeline is idle,
        // rather than the service publishing each from whatever part has arrived.
        + "publishing:\n  enabled: false\n"
        + "issues:\n  outputDir: "
        + work.resolve("issues")
        + "\n  anchors:\n"
        + "    - {windowEnd: 2024-05-17, number: 575}\n    - {windowEnd: 2025-06-27, number: 630}\n";
  }

  private ServiceProcess start(String module, Path config, String... flags) throws IOException {
    var args = new ArrayList<String>(List.of("--config", config.toString()));
    args.addAll(List.of(flags));
    return ServiceProcess.start(
        module,
        ServiceProcess.jarOf(settings.home(), module),
        args,
        settings.workDir().resolve("logs/" + module + ".log"));
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
