package io.healthwatch.editorial;

import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.contracts.config.ServiceLauncher;
import io.healthwatch.contracts.ops.OpsServer;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.editorial.issue.IssueMaterializer;
import io.healthwatch.editorial.issue.IssueStore;
import io.healthwatch.editorial.issue.WeeklyPublisher;
import io.healthwatch.editorial.web.EditorServer;
import io.healthwatch.indexer.IndexBootstrap;
import io.healthwatch.indexer.OpenSearchClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the editorial service until it is stopped: the weekly publisher (each week's issue once the
 * week is over) and the editors' pages.
 */
public final class EditorialMain {
  private static final Logger LOG = LoggerFactory.getLogger(EditorialMain.class);

  /** What the editorial service writes; it reads the indexer's articles. */
  public static final List<Indices> INDICES =
      List.of(Indices.ARTICLES, Indices.ISSUES, Indices.OVERRIDES);

  private EditorialMain() {}

  public static void main(String[] argv) {
    ServiceLauncher.run("editorial", () -> run(argv));
  }

  /** Its indices, created behind their aliases unless they exist. */
  public static void ensureIndices(OpenSearchClient client, EditorialConfig config)
      throws IOException {
    IndexBootstrap.ensure(
        client, config.namespace(), config.indexReplicas(), config.chineseAnalysis(), INDICES);
  }

  private static void run(String[] argv) throws Exception {
    var args = ServiceArgs.parse("editorial", argv);
    var config = EditorialConfig.load(args.configFile(), System.getenv(), args.overrides());
    io.healthwatch.contracts.ops.LogSetup.apply("editorial", config.log());
    run(config, null);
  }

  /**
   * @param started told the pages' address once they serve (may be null)
   */
  public static void run(EditorialConfig config, java.util.function.Consumer<String> started)
      throws Exception {
    Path outputDir = config.outputDir();
    var client = OpenSearchClients.create(config.opensearch());
    ensureIndices(client, config);
    var stopped = new CountDownLatch(1);
    var scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              var thread = new Thread(r, "weekly-publisher");
              thread.setDaemon(true);
              return thread;
            });
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "editorial-stop"));
    try (var ops = OpsServer.start("editorial", config.ops());
        var pages =
            config.server().port() < 0
                ? null
                : EditorServer.start(
                    new InetSocketAddress(config.server().host(), config.server().port()),
                    client,
                    config,
                    outputDir)) {
      ops.check("opensearch", OpenSearchClients.health(client));
      if (config.publishing().enabled()) {
        var store = new IssueStore(client, config.namespace());
        var publisher =
            new WeeklyPublisher(
                new IssueMaterializer(
                    client, config.namespace(), config.issues(), config.calendar()),
                store,
                config.calendar(),
                config.publishing(),
                config.issues(),
                outputDir);
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                publisher.publishDue(Instant.now());
              } catch (Exception e) {
                // OpenSearch away or a week without articles: the next check tries again.
                LOG.warn("weekly publication check failed: {}", e.toString());
              }
            },
            0,
            config.publishing().checkEvery().toSeconds(),
            TimeUnit.SECONDS);
      }
      LOG.info(
          "editorial starting: namespace '{}', OpenSearch {}, publishing {}, pages {}, issues in {}",
          config.namespace(),
          config.opensearch().url(),
          config.publishing().enabled() ? "every " + config.publishing().checkEvery() : "off",
          pages == null ? "off" : pages.address(),
          outputDir.toAbsolutePath());
      if (pages != null && started != null) {
        started.accept(pages.address().toString());
      }
      stopped.await();
      scheduler.shutdownNow();
      LOG.info("editorial stopped");
    }
  }
}
