package io.healthwatch.crawler.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.crawler.RunningCrawler;
import io.healthwatch.crawler.TestConfigs;
import io.healthwatch.crawler.source.SourceRegistry;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import io.healthwatch.devstack.sites.DemoSourcesFile;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawler instances in one group split the demo hosts: each owns disjoint frontier partitions,
 * holds only its hosts' crawl states, and a newcomer takes hosts over with their states, so no
 * article is fetched twice while the sources keep being re-read.
 */
class FrontierScaleOutIT {
  @TempDir Path dir;

  @Test
  void instancesOwnDisjointHostsStatesAndNoArticleIsFetchedTwiceWhenHostsChangeHands()
      throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("frontier-it");
    var config =
        TestConfigs.crawler(
            "namespace", ns,
            "kafka.bootstrapServers", endpoints.kafkaBootstrap(),
            "kafka.partitions", "6",
            "ops.port", "-1",
            "recheckEvery", "PT3S",
            "fetch.perHostDelayMillis", "20",
            "fetch.retries", "1",
            "fetch.retryBaseDelayMillis", "50");
    var corpus = DemoCorpus.load();
    try (var sites = DemoSites.start(corpus)) {
      var registry = SourceRegistry.load(DemoSourcesFile.write(sites, dir.resolve("sources.yml")));
      var instances = new ArrayList<RunningCrawler>();
      try {
        instances.add(RunningCrawler.start(config, registry, dir.resolve("a"), false));
        instances.add(RunningCrawler.start(config, registry, dir.resolve("b"), false));
        long deadline = System.currentTimeMillis() + 60_000;
        while (RunningCrawler.articles(config.kafka(), ns).size() < 14
            && System.currentTimeMillis() < deadline) {
          Thread.sleep(500);
        }
        assertOwnDisjointShares(instances.stream().map(RunningCrawler::crawler).toList());

        // A third joins: hosts move while the sources keep being re-read every 3 s.
        instances.add(RunningCrawler.start(config, registry, dir.resolve("c"), false));
        var newcomer = instances.get(2).crawler();
        long joined = System.currentTimeMillis() + 45_000;
        while (newcomer.ownedPartitions().isEmpty() && System.currentTimeMillis() < joined) {
          Thread.sleep(250);
        }
        Thread.sleep(7_000);

        var crawlers = instances.stream().map(RunningCrawler::crawler).toList();
        assertOwnDisjointShares(crawlers);
        assertTrue(!newcomer.ownedPartitions().isEmpty(), "the late instance was given a share");
        List<DiscoveredArticle> articles = RunningCrawler.articles(config.kafka(), ns);
        assertEquals(14, articles.size(), "every article once");
        for (var article : articles) {
          assertEquals(
              1,
              sites.requestCount(article.fetchedUrl()),
              "fetched more than once: " + article.fetchedUrl());
          // Also the newcomer, for the hosts it took over: their states came with them.
          long holders = crawlers.stream().filter(c -> c.holds(article.fetchedUrl())).count();
          assertEquals(1, holders, "one instance holds the state of " + article.fetchedUrl());
        }

        // One stops: it leaves the group at once, so its hosts move within seconds rather than
        // after the group's 45 s session timeout.
        instances.remove(0).close();
        var staying = instances.stream().map(RunningCrawler::crawler).toList();
        long handedOver = System.currentTimeMillis() + 15_000;
        while (staying.stream().mapToInt(c -> c.ownedPartitions().size()).sum() < 6
            && System.currentTimeMillis() < handedOver) {
          Thread.sleep(250);
        }
        assertOwnDisjointShares(staying);
      } finally {
        for (RunningCrawler instance : instances) {
          instance.close();
        }
      }
    }
  }

  private static void assertOwnDisjointShares(List<Crawler> crawlers) {
    Set<Integer> seen = new HashSet<>();
    for (Crawler crawler : crawlers) {
      Set<Integer> owned = crawler.ownedPartitions();
      assertTrue(
          Collections.disjoint(seen, owned), "partitions owned twice: " + owned + " " + seen);
      seen.addAll(owned);
    }
    assertEquals(6, seen.size(), "every partition has an owner");
  }
}
