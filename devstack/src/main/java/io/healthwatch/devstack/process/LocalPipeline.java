package io.healthwatch.devstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three services as separate processes from their built jars, with their default settings
 * except what a watched run needs: a namespace, the local broker and node, one RSS source, and the
 * crawler re-reading it every second (politeness 200 ms per host). For benchmarks and tests that
 * follow articles from a site to the index.
 */
public final class LocalPipeline implements AutoCloseable {
  private final List<ServiceProcess> processes;
  private final Path logs;

  private LocalPipeline(List<ServiceProcess> processes, Path logs) {
    this.processes = processes;
    this.logs = logs;
  }

  /**
   * Starts enricher and indexer first (their groups exist before the first article), then the
   * crawler.
   */
  public static LocalPipeline start(
      Path projectHome,
      Path work,
      String namespace,
      String kafkaBootstrap,
      String openSearchUrl,
      String sourceName,
      String feedUrl)
      throws IOException {
    Path sources =
        write(
            work.resolve("sources.yml"),
            "sources:\n  - id: live\n    name: "
                + sourceName
                + "\n    kind: rss\n    entryUrls: [\""
                + feedUrl
                + "\"]\n");
    String common =
        "namespace: "
            + namespace
            + "\nkafka:\n  bootstrapServers: "
            + kafkaBootstrap
            + "\nops:\n  port: -1\n";
    var processes = new ArrayList<ServiceProcess>();
    try {
      processes.add(
          start(
              projectHome,
              work,
              "enricher",
              common + "stateDir: " + work.resolve("enricher-state") + "\n"));
      processes.add(
          start(
              projectHome,
              work,
              "indexer",
              common + "opensearch:\n  url: " + openSearchUrl + "\nindexReplicas: 0\n"));
      processes.add(
          start(
              projectHome,
              work,
              "crawler",
              common
                  + "sources: "
                  + sources
                  + "\nrecheckEvery: PT1S\nfetch:\n  perHostDelayMillis: 200\n"));
    } catch (IOException | RuntimeException e) {
      for (var process : processes) {
        try {
          process.stop(5);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      throw e;
    }
    return new LocalPipeline(processes, work.resolve("logs"));
  }

  public Path logs() {
    return logs;
  }

  /** Fails with the last lines of its log when a service has exited. */
  public void requireAlive() {
    for (var process : processes) {
      if (!process.alive()) {
        throw new IllegalStateException(
            process.name() + " exited (" + process.exitCode() + "):\n" + process.tail(20));
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (var process : processes) {
      process.stop(30);
    }
  }

  private static ServiceProcess start(Path home, Path work, String module, String yaml)
      throws IOException {
    Path config = write(work.resolve(module + ".yml"), yaml);
    return ServiceProcess.start(
        module,
        ServiceProcess.jarOf(home, module),
        List.of("--config", config.toString()),
        work.resolve("logs").resolve(module + ".log"));
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
