package io.healthwatch.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.CrawlState.Status;
import io.healthwatch.devstack.process.ServiceProcess;
import io.healthwatch.testkit.FixtureSite;
import io.healthwatch.testkit.FixtureSite.Answer;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crawler as a process, killed with SIGKILL while a URL waits for its retry: the schedule is on
 * the status topic, so the next process retries the URL when it was due, not at once and not never,
 * and the article comes exactly once.
 */
class CrawlerRestartIT {
  @TempDir Path dir;

  @Test
  void crawlerKilledDuringABackoffResumesTheScheduleAfterRestart() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("restart-it");
    var healthy = new AtomicBoolean(false);
    try (var site = FixtureSite.start()) {
      site.page(
              "/down.html",
              (n, exchange) ->
                  healthy.get()
                      ? Answer.html(FixtureSite.article("停机之后", "恢复以后的正文。"))
                      : Answer.status(503))
          .feed("/rss.xml", List.of("/down.html"));
      Path sources = site.writeSources(dir.resolve("sources.yml"), "/rss.xml");
      Path config =
          Files.writeString(
              dir.resolve("crawler.yml"),
              String.join(
                  "\n",
                  "namespace: " + ns,
                  "kafka:",
                  "  bootstrapServers: " + endpoints.kafkaBootstrap(),
                  // A killed member leaves the group when its session ends: keep that short here.
                  "  properties: {session.timeout.ms: '6000', heartbeat.interval.ms: '1000'}",
                  "ops: {port: -1}",
                  "sources: " + sources,
                  "recheckEvery: PT1S",
                  "schedule: {errorBackoff: PT8S, maxErrorBackoff: PT8S, maxFetchErrors: 10}",
                  "fetch: {retries: 0, perHostDelayMillis: 20}",
                  ""));
      KafkaSettings kafka =
          TestConfigs.crawler("kafka.bootstrapServers", endpoints.kafkaBootstrap()).kafka();
      Path jar = ServiceProcess.jarOf(Infrastructure.projectRoot(), "crawler");

      var first =
          ServiceProcess.start(
              "crawler", jar, List.of("--config", config.toString()), dir.resolve("first.log"));
      CrawlState waiting;
      try {
        waiting =
            awaitState(
                kafka, ns, site.url("/down.html"), s -> s.status() == Status.FETCH_ERROR, first);
      } finally {
        first.kill();
      }
      Instant due = waiting.nextFetch();
      int requestsBefore = site.requests("/down.html");
      assertTrue(due.isAfter(Instant.now()), "killed while the retry was still ahead: " + due);
      healthy.set(true);

      var second =
          ServiceProcess.start(
              "crawler", jar, List.of("--config", config.toString()), dir.resolve("second.log"));
      try {
        awaitState(kafka, ns, site.url("/down.html"), s -> s.status() == Status.FETCHED, second);
      } finally {
        second.stop(20);
      }
      var after =
          site.requestTimes("/down.html").subList(requestsBefore, site.requests("/down.html"));
      assertFalse(after.isEmpty());
      assertFalse(
          after.get(0).isBefore(due.minusMillis(300)),
          "the restarted crawler waited for the scheduled retry at "
              + due
              + ", asked at "
              + after.get(0));
      long articles =
          RunningCrawler.articles(kafka, ns).stream()
              .filter(a -> a.fetchedUrl().equals(site.url("/down.html")))
              .count();
      assertEquals(1, articles, "the article exactly once");
    }
  }

  private static CrawlState awaitState(
      KafkaSettings kafka,
      String ns,
      String url,
      java.util.function.Predicate<CrawlState> wanted,
      ServiceProcess process)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.alive()) {
        throw new AssertionError("the crawler exited:\n" + process.tail(30));
      }
      CrawlState state = RunningCrawler.states(kafka, ns).get(url);
      if (state != null && wanted.test(state)) {
        return state;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no such state of " + url + "; log:\n" + process.tail(30));
  }
}
