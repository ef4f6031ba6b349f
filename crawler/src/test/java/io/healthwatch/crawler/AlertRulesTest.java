package io.healthwatch.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.fetch.FetchQueues;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.crawler.state.CrawlDb;
import io.healthwatch.testkit.DebianPackage;
import io.healthwatch.testkit.Infrastructure;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example alert rules in config/prometheus/ watch metrics the crawler really exports. */
class AlertRulesTest {
  private static final Path RULES = Infrastructure.projectRoot().resolve("config/prometheus");
  @TempDir Path dir;

  @Test
  void everyCrawlerMetricTheRulesNameIsExported() throws Exception {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var metrics = new CrawlMetrics(registry);
    Path sources =
        Files.writeString(
            dir.resolve("sources.yml"),
            "sources:\n  - id: xinhua\n    name: 新华网\n    kind: rss\n    entryUrls: [\"http://a.cn/rss.xml\"]\n");
    metrics.watch(
        new CrawlDb(),
        new FetchQueues(Clock.systemUTC(), Duration.ZERO),
        SourceRegistry.load(sources).sources(),
        Duration.ofMinutes(30),
        Clock.systemUTC());
    metrics.fetched("xinhua", "http://a.cn/1.html", "ok");
    metrics.deadLettered(ReasonCode.HTTP_STATUS);
    String scrape = registry.scrape();

    Set<String> named = new TreeSet<>();
    var metric = Pattern.compile("healthwatch_crawler_[a-z0-9_]+");
    var matcher = metric.matcher(Files.readString(RULES.resolve("alerts.yml")));
    while (matcher.find()) {
      named.add(matcher.group());
    }
    assertFalse(named.isEmpty());
    for (String name : named) {
      assertTrue(
          Pattern.compile("(?m)^" + name + "\\{").matcher(scrape).find(),
          name + " is named by the rules but not exported:\n" + scrape);
    }
  }

  @Test
  void rulesAreValidAndTheirUnitTestsPassInPromtool() throws Exception {
    var promtool = Path.of("/usr/bin/promtool");
    // Debian's prometheus package brings promtool; installed here where the machine can.
    String why = Files.isExecutable(promtool) ? null : DebianPackage.install("prometheus");
    Assumptions.assumeTrue(
        Files.isExecutable(promtool),
        () -> "skipped: no promtool to check config/prometheus/ (" + why + ")");
    for (String[] command :
        new String[][] {
          {promtool.toString(), "check", "rules", "alerts.yml"},
          {promtool.toString(), "test", "rules", "alerts-test.yml"}
        }) {
      var process =
          new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes());
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + out);
    }
  }
}
