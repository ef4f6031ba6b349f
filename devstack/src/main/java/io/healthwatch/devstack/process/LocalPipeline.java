package io.healthwatch.devstack.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one launcher of the local pipeline: services as separate processes from their built jars,
 * each with its config written as YAML (by the YAML library, so any value is quoted as it must be)
 * next to its log. The demo, the integration tests and the benchmarks all start services through
 * it; each says only what differs from the services' defaults.
 */
public final class LocalPipeline implements AutoCloseable {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              // Lists indented under their key, as people write them (and append to them).
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  /**
   * One service to run.
   *
   * @param name the instance's name, its config file's and its log's (the module's, unless it is
   *     one of several instances)
   * @param module crawler, enricher, indexer or editorial
   * @param config its settings by key path ("kafka" → {"bootstrapServers": ...}); the rest are its
   *     defaults
   * @param flags its own flags (the crawler's --once)
   */
  public record Service(
      String name, String module, Map<String, Object> config, List<String> flags) {
    public Service {
      config = Map.copyOf(config);
      flags = List.copyOf(flags);
    }

    public static Service of(String module, Map<String, Object> config, String... flags) {
      return new Service(module, module, config, List.of(flags));
    }

    /** Another instance of the same module, under its own name. */
    public Service named(String instance) {
      return new Service(instance, module, config, flags);
    }

    /** The same instance with some keys replaced (an instance's own ops port, state folder). */
    public Service with(Map<String, Object> keys) {
      var changed = new LinkedHashMap<>(config);
      changed.putAll(keys);
      return new Service(name, module, changed, flags);
    }
  }

  private final Map<String, ServiceProcess> processes;
  private final Map<String, Service> services;
  private final Path projectHome;
  private final Path work;

  /**
   * A Ctrl-C or SIGTERM of the JVM that started the services (a benchmark, a test run) ends them
   * too, rather than leaving them consuming behind it.
   */
  private final Thread orphanGuard;

  private LocalPipeline(
      Map<String, ServiceProcess> processes,
      Map<String, Service> services,
      Path projectHome,
      Path work) {
    this.processes = processes;
    this.services = services;
    this.projectHome = projectHome;
    this.work = work;
    this.orphanGuard =
        new Thread(
            () -> this.processes.values().forEach(ServiceProcess::destroy), "local-pipeline-stop");
    Runtime.getRuntime().addShutdownHook(orphanGuard);
  }

  /**
   * Starts the services in the order given (consumers before producers, so their groups exist
   * before the first record); if one fails to start, those already started are stopped.
   */
  public static LocalPipeline start(Path projectHome, Path work, List<Service> services)
      throws IOException {
    var started = new LinkedHashMap<String, ServiceProcess>();
    var byName = new LinkedHashMap<String, Service>();
    try {
      for (Service service : services) {
        if (byName.putIfAbsent(service.name(), service) != null) {
          throw new IllegalArgumentException("two services named " + service.name());
        }
        started.put(service.name(), launch(projectHome, work, service));
      }
    } catch (IOException | RuntimeException e) {
      stopAll(started.values());
      throw e;
    }
    return new LocalPipeline(started, byName, projectHome, work);
  }

  private static ServiceProcess launch(Path projectHome, Path work, Service service)
      throws IOException {
    Path config = writeConfig(work.resolve(service.name() + ".yml"), service.config());
    var args = new ArrayList<>(List.of("--config", config.toString()));
    args.addAll(service.flags());
    return ServiceProcess.start(
        service.name(),
        ServiceProcess.jarOf(projectHome, service.module()),
        args,
        work.resolve("logs").resolve(service.name() + ".log"));
  }

  /** SIGKILL of one instance: no flush, no commit, no leaving its group (a crash). */
  public void kill(String name) throws InterruptedException {
    process(name).kill();
  }

  /** Starts a stopped or killed instance again, with its config (its log is appended to). */
  public void restart(String name) throws IOException, InterruptedException {
    var service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException("no " + name + " in this pipeline: " + services.keySet());
    }
    process(name).stop(10);
    processes.put(name, launch(projectHome, work, service));
  }

  /**
   * The three pipeline services with a watched run's settings: a namespace, the local broker and
   * node, one RSS source, and the crawler re-reading it every second (politeness 200 ms per host).
   * For benchmarks and tests that follow articles from a site to the index.
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
        SourcesRegistry.write(
            work.resolve("sources.yml"), List.of(SourcesRegistry.rss("live", sourceName, feedUrl)));
    return start(
        projectHome,
        work,
        List.of(
            Service.of(
                "enricher",
                config(
                    namespace,
                    kafkaBootstrap,
                    -1,
                    Map.of("stateDir", work.resolve("enricher-state").toString()))),
            Service.of(
                "indexer",
                config(
                    namespace,
                    kafkaBootstrap,
                    -1,
                    Map.of("opensearch", Map.of("url", openSearchUrl), "indexReplicas", 0))),
            Service.of(
                "crawler",
                config(
                    namespace,
                    kafkaBootstrap,
                    -1,
                    Map.of(
                        "sources",
                        sources.toString(),
                        "recheckEvery",
                        "PT1S",
                        "fetch",
                        Map.of("perHostDelayMillis", 200))))));
  }

  /**
   * A service's config for a local run: what every service shares (its namespace, the broker, its
   * ops port; -1 for none) and its own keys.
   */
  public static Map<String, Object> config(
      String namespace, String kafkaBootstrap, int opsPort, Map<String, Object> own) {
    var config = new LinkedHashMap<String, Object>();
    config.put("namespace", namespace);
    config.put("kafka", Map.of("bootstrapServers", kafkaBootstrap));
    config.put("ops", Map.of("host", "127.0.0.1", "port", opsPort));
    config.putAll(own);
    return config;
  }

  /** Writes a config tree as YAML. */
  public static Path writeConfig(Path file, Map<String, Object> tree) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    YAML.writeValue(file.toFile(), tree);
    return file;
  }

  /** A service by instance name (the module's name for a single instance). */
  public ServiceProcess process(String name) {
    var process = processes.get(name);
    if (process == null) {
      throw new IllegalArgumentException("no " + name + " in this pipeline: " + processes.keySet());
    }
    return process;
  }

  public Path logs() {
    return work.resolve("logs");
  }

  /** Fails with the last lines of its log when a service has exited. */
  public void requireAlive() {
    requireAlive(java.util.Set.of());
  }

  /** Fails with the last lines of its log when a service other than those named has exited. */
  public void requireAlive(java.util.Set<String> down) {
    for (var process : processes.values()) {
      if (!down.contains(process.name()) && !process.alive()) {
        throw new IllegalStateException(
            process.name() + " exited (" + process.exitCode() + "):\n" + process.tail(20));
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (var process : processes.values()) {
      process.stop(30);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(orphanGuard);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing left for it to do
    }
  }

  private static void stopAll(Iterable<ServiceProcess> started) {
    for (var process : started) {
      try {
        process.stop(5);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
