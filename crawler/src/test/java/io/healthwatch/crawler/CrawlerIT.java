package io.healthwatch.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.CrawlState.Status;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.FrontierUrl.Role;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import io.healthwatch.devstack.sites.DemoSourcesFile;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A single pass over the demo sites over HTTP, into a real broker. */
class CrawlerIT {
  @TempDir Path dir;

  @Test
  void everyDemoPageEndsAsAnArticleOrADeadLetterAndEveryUrlHasAState() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("crawler-it");
    var config =
        TestConfigs.crawler(
            "namespace", ns,
            "kafka.bootstrapServers", endpoints.kafkaBootstrap(),
            "fetch.perHostDelayMillis", "10",
            "fetch.retries", "1",
            "fetch.retryBaseDelayMillis", "50",
            "warc.enabled", "true",
            "ops.port", "-1");
    var corpus = DemoCorpus.load();

    try (var sites = DemoSites.start(corpus)) {
      var registry = SourceRegistry.load(DemoSourcesFile.write(sites, dir.resolve("sources.yml")));
      try (var run = RunningCrawler.start(config, registry, dir, true)) {
        assertTrue(run.awaitEnd(Duration.ofSeconds(90)), "a single pass ends by itself");
      }
      var kafka = config.kafka();
      var articles = RunningCrawler.articles(kafka, ns);
      Set<String> expectedLinks =
          corpus.articles().stream()
              .filter(a -> !a.kind().equals("broken") && !a.kind().equals("missing"))
              .map(DemoCorpus.Article::link)
              .collect(Collectors.toSet());
      assertEquals(
          expectedLinks,
          articles.stream().map(DiscoveredArticle::canonicalUrl).collect(Collectors.toSet()));
      assertEquals(expectedLinks.size(), articles.size(), "each article once");
      var alipay =
          articles.stream().filter(a -> a.title().startsWith("“智慧”赋能")).findFirst().orElseThrow();
      assertEquals("新华网", alipay.sourceName());

      var letters = RunningCrawler.deadLetters(kafka, ns);
      assertEquals(
          Set.of(ReasonCode.EXTRACTION_FAILED, ReasonCode.HTTP_STATUS),
          letters.stream().map(DeadLetter::reason).collect(Collectors.toSet()));
      for (DeadLetter letter : letters) {
        assertEquals("crawler", letter.stage());
        assertEquals(Topics.FRONTIER.name(ns), letter.sourceTopic(), "replayable to the frontier");
        FrontierUrl payload = Topics.FRONTIER.valueSerde().fromBytes(letter.payloadBytes());
        assertEquals(letter.url(), payload.url());
        assertEquals(Role.ARTICLE, payload.role());
      }

      var states = RunningCrawler.states(kafka, ns);
      for (DiscoveredArticle article : articles) {
        var state = states.get(article.fetchedUrl());
        assertNotNull(state, "a state for " + article.fetchedUrl());
        assertEquals(Status.FETCHED, state.status());
        assertNotNull(state.firstPublished());
        assertNotNull(state.contentHash());
        assertNotNull(state.nextFetch(), "re-read within the re-fetch window");
      }
      for (DeadLetter letter : letters) {
        var state = states.get(letter.url());
        assertEquals(
            letter.reason() == ReasonCode.HTTP_STATUS ? Status.GONE : Status.ERROR,
            state.status(),
            letter.url());
        assertNull(state.nextFetch());
      }
      // Every response was kept, the pages the articles came from among them.
      var kept = new java.util.HashSet<String>();
      for (var file : io.healthwatch.crawler.archive.WarcPages.files(dir.resolve("warc"))) {
        io.healthwatch.crawler.archive.WarcPages.read(file, page -> kept.add(page.url()));
      }
      for (DiscoveredArticle article : articles) {
        assertTrue(kept.contains(article.fetchedUrl()), "archived: " + article.fetchedUrl());
      }
      for (var source : registry.sources()) {
        assertTrue(kept.contains(source.entryUrls().get(0)));
        var entry = states.get(source.entryUrls().get(0));
        assertEquals(Status.FETCHED, entry.status(), source.id());
        assertTrue(entry.message().endsWith("links"), entry.message());
        var robots = states.get(sites.baseUrl(source.id()) + "/robots.txt");
        assertEquals(Role.ROBOTS, robots.role());
        assertEquals(Status.FETCHED, robots.status());
      }
    }
  }
}
