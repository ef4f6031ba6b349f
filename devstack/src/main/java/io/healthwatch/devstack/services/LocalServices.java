package io.healthwatch.devstack.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The local Kafka broker and OpenSearch node of {@code ./healthwatch services}. */
public final class LocalServices {
  private final ServicesConfig config;
  private final LocalKafka kafka;
  private final LocalOpenSearch openSearch;

  public LocalServices(ServicesConfig config, Path projectRoot) {
    this.config = config;
    Path home = config.homeIn(projectRoot);
    this.kafka = new LocalKafka(config, home);
    this.openSearch = new LocalOpenSearch(config, home);
  }

  public static LocalServices fromEnvironment(Path projectRoot) {
    return new LocalServices(ServicesConfig.load(System.getenv()), projectRoot);
  }

  public ServicesConfig config() {
    return config;
  }

  public List<LocalService> all() {
    return List.of(kafka, openSearch);
  }

  public LocalKafka kafka() {
    return kafka;
  }

  public LocalOpenSearch openSearch() {
    return openSearch;
  }

  /** Starts what is not running (in parallel) and waits until both are healthy. */
  public List<LocalService.Status> startAll() {
    var kafkaStart = new java.util.concurrent.CompletableFuture<LocalService.Status>();
    var thread =
        new Thread(
            () -> {
              try {
                kafkaStart.complete(kafka.start());
              } catch (RuntimeException e) {
                kafkaStart.completeExceptionally(e);
              }
            },
            "kafka-start");
    thread.start();
    LocalService.Status os = openSearch.start();
    try {
      return List.of(kafkaStart.join(), os);
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  public Map<String, Boolean> stopAll() {
    return Map.of("opensearch", openSearch.stop(), "kafka", kafka.stop());
  }

  public List<LocalService.Status> statusAll() {
    return List.of(kafka.status(), openSearch.status());
  }
}
