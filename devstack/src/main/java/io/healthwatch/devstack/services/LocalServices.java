package io.healthwatch.devstack.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The local Kafka brokers and OpenSearch nodes of {@code ./healthwatch services}: one of each by
 * default, or a cluster ({@code --cluster}) with its own settings, ports and data.
 */
public final class LocalServices {
  private final ServicesConfig config;
  private final List<LocalKafka> brokers;
  private final List<LocalOpenSearch> nodes;

  public LocalServices(ServicesConfig config, Path projectRoot) {
    this(config, ServicesLayout.of(config, projectRoot, "services"));
  }

  private LocalServices(ServicesConfig config, ServicesLayout layout) {
    this.config = config;
    this.brokers =
        IntStream.rangeClosed(1, config.kafkaBrokers())
            .mapToObj(m -> new LocalKafka(config, layout, m))
            .toList();
    this.nodes =
        IntStream.rangeClosed(1, config.openSearchNodes())
            .mapToObj(m -> new LocalOpenSearch(config, layout, m))
            .toList();
  }

  /** The single broker and node, as {@code HEALTHWATCH_SERVICES_*} variables set them. */
  public static LocalServices fromEnvironment(Path projectRoot) {
    return new LocalServices(ServicesConfig.load(System.getenv()), projectRoot);
  }

  /** The local cluster, as {@code HEALTHWATCH_CLUSTER_*} variables set it. */
  public static LocalServices cluster(Path projectRoot) {
    return cluster(ServicesConfig.loadCluster(System.getenv()), projectRoot);
  }

  public static LocalServices cluster(ServicesConfig config, Path projectRoot) {
    return new LocalServices(config, ServicesLayout.of(config, projectRoot, "cluster"));
  }

  public ServicesConfig config() {
    return config;
  }

  public List<LocalService> all() {
    var all = new ArrayList<LocalService>(brokers);
    all.addAll(nodes);
    return all;
  }

  /** The first broker (the only one by default). */
  public LocalKafka kafka() {
    return brokers.get(0);
  }

  /** Broker {@code member}, from 1. */
  public LocalKafka kafka(int member) {
    return brokers.get(member - 1);
  }

  /** The first node (the only one by default). */
  public LocalOpenSearch openSearch() {
    return nodes.get(0);
  }

  /** Node {@code member}, from 1. */
  public LocalOpenSearch openSearch(int member) {
    return nodes.get(member - 1);
  }

  /**
   * Starts what is not running, all at once (a cluster's members find each other only while they
   * start together), and waits until each is healthy.
   */
  public List<LocalService.Status> startAll() {
    return eachAtOnce(all(), LocalService::start);
  }

  /**
   * Stops the nodes, then the brokers; says of each whether it was running. The members of a
   * cluster are stopped together: the last broker of three stopped alone has no controller quorum
   * and waits for one until it is killed (seconds together, minutes one by one).
   */
  public Map<String, Boolean> stopAll() {
    var stopped = new LinkedHashMap<String, Boolean>();
    for (List<? extends LocalService> group : List.of(nodes, brokers)) {
      var results = eachAtOnce(group, LocalService::stop);
      for (int i = 0; i < group.size(); i++) {
        stopped.put(group.get(i).name(), results.get(i));
      }
    }
    return stopped;
  }

  /** The action on every service, each in its own thread; the first failure is thrown. */
  private static <T> List<T> eachAtOnce(
      List<? extends LocalService> services, Function<LocalService, T> action) {
    var futures = new ArrayList<CompletableFuture<T>>();
    for (LocalService service : services) {
      var future = new CompletableFuture<T>();
      new Thread(
              () -> {
                try {
                  future.complete(action.apply(service));
                } catch (RuntimeException e) {
                  future.completeExceptionally(e);
                }
              },
              service.name() + "-control")
          .start();
      futures.add(future);
    }
    var results = new ArrayList<T>();
    RuntimeException first = null;
    for (var future : futures) {
      try {
        results.add(future.join());
      } catch (CompletionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return results;
  }

  public List<LocalService.Status> statusAll() {
    return all().stream().map(LocalService::status).toList();
  }
}
