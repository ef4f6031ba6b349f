package io.healthwatch.devstack.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo sites serve what real outlets serve, over real HTTP on loopback. */
class DemoSitesIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void gbkOutletDeclaresItsCharsetOnlyInThePage() throws Exception {
    var corpus = DemoCorpus.load();
    try (var sites = DemoSites.start(corpus)) {
      var article =
          corpus.articlesOf("gmw").stream()
              .filter(DemoCorpus.Article::isSeed)
              .findFirst()
              .orElseThrow();
      var response = get(sites.baseUrl("gmw") + article.localPath());
      assertEquals(200, response.statusCode());
      assertEquals("text/html", response.headers().firstValue("Content-Type").orElseThrow());
      String asGbk = new String(response.body(), Charset.forName("GBK"));
      assertTrue(asGbk.contains(article.title()));
      assertTrue(asGbk.contains("charset=GBK"));
      assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains(article.title()));
    }
  }

  @Test
  void feedsListPagesRobotsAndDeadLinks() throws Exception {
    var corpus = DemoCorpus.load();
    try (var sites = DemoSites.start(corpus)) {
      String rss =
          new String(get(sites.baseUrl("yunnan") + "/rss.xml").body(), StandardCharsets.UTF_8);
      assertTrue(rss.contains("<rss version=\"2.0\">"));
      String atom =
          new String(get(sites.baseUrl("xinhua") + "/atom.xml").body(), StandardCharsets.UTF_8);
      assertTrue(atom.contains("http://www.w3.org/2005/Atom"));
      assertTrue(
          new String(get(sites.baseUrl("ynet") + "/robots.txt").body())
              .contains("Disallow: /search"));
      var missing =
          corpus.articles().stream()
              .filter(a -> a.kind().equals("missing"))
              .findFirst()
              .orElseThrow();
      assertEquals(404, get(sites.baseUrl("ynet") + missing.localPath()).statusCode());
      assertTrue(sites.requestCount() >= 4);
    }
  }

  @Test
  void corpusHoldsTheNineSeedArticlesAndTheDistractors() {
    var corpus = DemoCorpus.load();
    assertEquals(3, corpus.seedsOfIssue(575).size());
    assertEquals(3, corpus.seedsOfIssue(576).size());
    assertEquals(3, corpus.seedsOfIssue(630).size());
    for (String kind :
        new String[] {"reprint", "sports", "finance", "out-of-window", "broken", "missing"}) {
      assertTrue(corpus.articles().stream().anyMatch(a -> a.kind().equals(kind)), kind);
    }
  }
}
