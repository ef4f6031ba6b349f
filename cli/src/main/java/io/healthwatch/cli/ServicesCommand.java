package io.healthwatch.cli;

import io.healthwatch.devstack.services.LocalService;
import io.healthwatch.devstack.services.LocalServices;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./healthwatch services start|stop|status}. */
@Command(
    name = "services",
    mixinStandardHelpOptions = true,
    description = "Start, stop or show the local Kafka and OpenSearch (127.0.0.1).",
    footer = {
      "",
      "Ports, heaps and folders: HEALTHWATCH_SERVICES_KAFKA_PORT, HEALTHWATCH_SERVICES_KAFKA_HEAP,",
      "HEALTHWATCH_SERVICES_OPEN_SEARCH_PORT, HEALTHWATCH_SERVICES_HOME ... and for --cluster",
      "HEALTHWATCH_CLUSTER_KAFKA_BROKERS, HEALTHWATCH_CLUSTER_OPEN_SEARCH_NODES ... (see",
      "devstack/src/main/resources/devstack/services-defaults.yml and cluster-defaults.yml)."
    })
final class ServicesCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop or status")
  String action;

  @Option(
      names = "--cluster",
      description =
          "the local cluster instead of the single broker and node: three KRaft brokers"
              + " (127.0.0.1:19092,19102,19112) and two OpenSearch nodes (19200, 19210), with their"
              + " own data; both can run at once")
  boolean cluster;

  @Override
  public Integer call() {
    var services =
        cluster
            ? LocalServices.cluster(HealthwatchCli.home())
            : LocalServices.fromEnvironment(HealthwatchCli.home());
    switch (action) {
      case "start" -> {
        print(services.startAll());
        System.out.println("kafka.bootstrapServers: " + services.config().kafkaBootstrap());
        System.out.println("opensearch.url: " + services.config().openSearchUrl());
        return 0;
      }
      case "stop" -> {
        services
            .stopAll()
            .forEach(
                (name, wasRunning) ->
                    System.out.println(name + ": " + (wasRunning ? "stopped" : "was not running")));
        return 0;
      }
      case "status" -> {
        var statuses = services.statusAll();
        print(statuses);
        return statuses.stream().allMatch(LocalService.Status::healthy) ? 0 : 3;
      }
      default ->
          throw new IllegalArgumentException(
              "unknown action '" + action + "': use start, stop or status");
    }
  }

  static void print(List<LocalService.Status> statuses) {
    for (var s : statuses) {
      System.out.printf(
          "%-13s %-8s %-24s %s%n",
          s.name(),
          !s.running() ? "stopped" : s.healthy() ? "healthy" : "starting",
          s.endpoint() + (s.running() ? " pid " + s.pid() : ""),
          s.detail());
    }
  }
}
