package io.healthwatch.cli;

import io.healthwatch.devstack.services.LocalService;
import io.healthwatch.devstack.services.LocalServices;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./healthwatch services start|stop|status}. */
@Command(
    name = "services",
    mixinStandardHelpOptions = true,
    description = "Start, stop or show the local Kafka and OpenSearch (127.0.0.1).",
    footer = {
      "",
      "Ports and folders: HEALTHWATCH_KAFKA_PORT, HEALTHWATCH_OPEN_SEARCH_PORT, HEALTHWATCH_HOME ...",
      "(see devstack/src/main/resources/devstack/services-defaults.yml)."
    })
final class ServicesCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop or status")
  String action;

  @Override
  public Integer call() {
    var services = LocalServices.fromEnvironment(HealthwatchCli.home());
    switch (action) {
      case "start" -> {
        print(services.startAll());
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
          "%-10s %-8s %-24s %s%n",
          s.name(),
          !s.running() ? "stopped" : s.healthy() ? "healthy" : "starting",
          s.endpoint() + (s.running() ? " pid " + s.pid() : ""),
          s.detail());
    }
  }
}
