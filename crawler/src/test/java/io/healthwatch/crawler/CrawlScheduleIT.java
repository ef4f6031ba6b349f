package io.healthwatch.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.CrawlState.Status;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.testkit.FixtureSite;
import io.healthwatch.testkit.FixtureSite.Answer;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler over real HTTP and a real broker, on a loopback site whose feed is read every
 * second: what a real outlet does to a crawler over a few minutes, compressed into seconds.
 */
class CrawlScheduleIT {
  @TempDir Path dir;

  @Test
  void transientFailuresAreRetriedOnScheduleGoneIsFinalEditsAreReReadAndRedirectsAreUrlsOfTheirOwn()
      throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("schedule-it");
    try (var site = FixtureSite.start()) {
      site.page(
              "/flaky.html",
              (n, exchange) ->
                  n <= 5 ? Answer.status(503) : Answer.html(FixtureSite.article("服务恢复之后", "第一段。")))
          .page(
              "/edited.html",
              (n, exchange) ->
                  Answer.html(FixtureSite.article("编辑过的文章", n == 1 ? "初版内容。" : "修订后的内容。")))
          .page("/hop-a.html", Answer.redirect(301, "/hop-b.html"))
          .page("/hop-b.html", Answer.html(FixtureSite.article("搬了家的文章", "新地址。")))
          .page("/loop-1.html", Answer.redirect(302, "/loop-2.html"))
          .page("/loop-2.html", Answer.redirect(302, "/loop-1.html"))
          .feed(
              "/rss.xml",
              List.of("/flaky.html", "/gone.html", "/edited.html", "/hop-a.html", "/loop-1.html"));
      Path sources = site.writeSources(dir.resolve("sources.yml"), "/rss.xml");
      var config =
          TestConfigs.crawler(
              "namespace", ns,
              "kafka.bootstrapServers", endpoints.kafkaBootstrap(),
              "ops.port", "-1",
              "recheckEvery", "PT1S",
              "schedule.errorBackoff", "PT1S",
              "schedule.maxErrorBackoff", "PT2S",
              "schedule.maxFetchErrors", "6",
              "schedule.refetchWindow", "PT20S",
              "schedule.refetchEvery", "PT2S",
              "fetch.perHostDelayMillis", "20",
              "fetch.retries", "1",
              "fetch.retryBaseDelayMillis", "50");
      KafkaSettings kafka = config.kafka();
      try (var run = RunningCrawler.start(config, SourceRegistry.load(sources), dir, false)) {
        await(
            kafka,
            ns,
            "the flaky page to come through",
            s -> status(s, site.url("/flaky.html")) == Status.FETCHED);
        await(
            kafka,
            ns,
            "the edit to be read",
            s ->
                s.get(site.url("/edited.html")) != null
                    && s.get(site.url("/edited.html")).lastPublished() != null
                    && !s.get(site.url("/edited.html"))
                        .lastPublished()
                        .equals(s.get(site.url("/edited.html")).firstPublished()));
        await(
            kafka,
            ns,
            "the redirect loop to end",
            s -> status(s, site.url("/loop-2.html")) == Status.ERROR);
        Thread.sleep(3000); // a few more feed reads and re-reads
      }

      var states = RunningCrawler.states(kafka, ns);
      List<DiscoveredArticle> articles = RunningCrawler.articles(kafka, ns);

      // 503 for longer than the immediate retries: a later scheduled try delivers it, once.
      assertTrue(site.requests("/flaky.html") >= 6, "requests: " + site.requests("/flaky.html"));
      assertEquals(1, count(articles, site.url("/flaky.html")), "the flaky article exactly once");
      assertEquals(0, states.get(site.url("/flaky.html")).errorCount());

      // 404: GONE, never asked again although the feed lists it every second.
      var gone = states.get(site.url("/gone.html"));
      assertEquals(Status.GONE, gone.status());
      assertEquals(404, gone.httpStatus());
      assertNull(gone.nextFetch());
      assertEquals(1, site.requests("/gone.html"));

      // Edited after the first read: the re-read within the window publishes it again.
      var edits =
          articles.stream().filter(a -> a.fetchedUrl().equals(site.url("/edited.html"))).toList();
      assertEquals(
          2, edits.size(), "first version, then the edit; unchanged re-reads publish nothing");
      assertTrue(edits.get(0).body().contains("初版内容"));
      assertTrue(edits.get(1).body().contains("修订后的内容"));
      assertTrue(site.requests("/edited.html") >= 3, "re-read every 2 s within the window");

      // A redirect's target is a URL of its own, fetched in its host's turn.
      var hop = states.get(site.url("/hop-a.html"));
      assertEquals(Status.REDIRECTED, hop.status());
      assertEquals(site.url("/hop-b.html"), hop.redirectedTo());
      assertEquals(Status.FETCHED, status(states, site.url("/hop-b.html")));
      assertEquals(1, count(articles, site.url("/hop-b.html")));
      assertEquals(1, site.requests("/hop-a.html"));

      var loop = states.get(site.url("/loop-2.html"));
      assertTrue(loop.message().startsWith("redirect loop: "), loop.message());
      assertTrue(
          RunningCrawler.deadLetters(kafka, ns).stream()
              .anyMatch(
                  l ->
                      l.url().equals(site.url("/loop-2.html"))
                          && l.reason() == ReasonCode.HTTP_STATUS));
      assertEquals(
          1,
          RunningCrawler.deadLetters(kafka, ns).stream()
              .filter(l -> l.url().equals(site.url("/gone.html")))
              .count(),
          "one dead letter for the gone page");
    }
  }

  private static Status status(Map<String, CrawlState> states, String url) {
    var state = states.get(url);
    return state == null ? null : state.status();
  }

  private static long count(List<DiscoveredArticle> articles, String fetchedUrl) {
    return articles.stream().filter(a -> a.fetchedUrl().equals(fetchedUrl)).count();
  }

  private static void await(
      KafkaSettings kafka, String ns, String what, Predicate<Map<String, CrawlState>> done)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (done.test(RunningCrawler.states(kafka, ns))) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "timed out waiting for " + what + ": " + RunningCrawler.states(kafka, ns));
  }
}
