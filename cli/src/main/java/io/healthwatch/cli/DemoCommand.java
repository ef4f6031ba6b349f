package io.healthwatch.cli;

import io.healthwatch.cli.demo.DeadLetterReport;
import io.healthwatch.cli.demo.DemoResult;
import io.healthwatch.cli.demo.DemoRunner;
import io.healthwatch.cli.demo.DemoSettings;
import io.healthwatch.devstack.services.LocalServices;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./healthwatch demo}: the whole pipeline on bundled sites, ending with weekly issues. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the pipeline on bundled demo sites; print where the issues are.")
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--namespace",
      defaultValue = "demo",
      description = "prefix of topics and indices (default: ${DEFAULT-VALUE})")
  String namespace;

  @Option(
      names = "--timeout",
      defaultValue = "PT5M",
      description = "give up if not idle after this (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    var home = HealthwatchCli.home();
    var services = LocalServices.fromEnvironment(home);
    System.out.println(
        "starting local Kafka and OpenSearch (first run downloads them through Maven)...");
    ServicesCommand.print(services.startAll());
    var config = services.config();
    var settings =
        new DemoSettings(
            home,
            config.homeIn(home).resolve("demo"),
            namespace,
            config.kafkaBootstrap(),
            config.openSearchUrl(),
            true,
            timeout,
            System.out);
    DemoResult result = new DemoRunner(settings).run();

    System.out.println();
    System.out.printf(
        "demo finished in %.1f s: %d articles discovered; dead letters: %s%n",
        result.wallTime().toMillis() / 1000.0,
        result.discovered(),
        DeadLetterReport.summary(result.deadLetters()));
    for (var skipped : result.skippedWeeks()) {
      System.out.println("  not materialized: week ending " + skipped);
    }
    System.out.println();
    System.out.println("Weekly issues:");
    for (var issue : result.issues()) {
      System.out.printf(
          "  %s  issue %d (%s..%s, %d articles)%n",
          issue.issue().numberText(),
          issue.issue().number(),
          issue.issue().windowStart(),
          issue.issue().windowEnd(),
          issue.issue().articles().size());
      issue.files().lines().forEach(line -> System.out.println("    " + line));
      System.out.printf("    document: index %s, id %s%n", issue.index(), issue.issue().id());
    }
    if (!result.issues().isEmpty()) {
      var first = result.issues().get(0);
      System.out.println();
      System.out.println("Try:");
      System.out.printf("  less %s%n", first.markdownFile());
      System.out.printf(
          "  curl -s '%s/%s/_doc/%s?pretty&_source_excludes=markdown'%n",
          config.openSearchUrl(), first.index(), first.issue().id());
      System.out.printf(
          "  curl -s '%s/%s-healthwatch-articles/_search?pretty&q=title:医保'%n",
          config.openSearchUrl(), namespace);
      System.out.printf("  ./healthwatch search 医保码 --set namespace=%s%n", namespace);
      System.out.printf(
          "  ./healthwatch serve --set namespace=%s    # the editors' pages at"
              + " http://127.0.0.1:8088/%n",
          namespace);
    }
    System.out.println("Stop the services with: ./healthwatch services stop");
    return result.issues().isEmpty() ? 1 : 0;
  }
}
