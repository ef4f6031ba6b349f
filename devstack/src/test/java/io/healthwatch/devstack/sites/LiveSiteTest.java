package io.healthwatch.devstack.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveSiteTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(String url, String etag) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url));
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theFeedChangesWithEachArticleAndPagesRememberTheirFirstReader() throws Exception {
    var outlet = DemoCorpus.load().outlets().get(1);
    try (var site = LiveSite.start(outlet)) {
      var empty = get(site.feedUrl(), null);
      String tag = empty.headers().firstValue("ETag").orElseThrow();
      assertEquals(304, get(site.feedUrl(), tag).statusCode(), "nothing new: not modified");

      var articles = LiveArticles.distinct(2);
      var first = articles.get(0);
      site.publish(first);
      var listed = get(site.feedUrl(), tag);
      assertEquals(200, listed.statusCode(), "a new article changes the feed at once");
      assertTrue(listed.body().contains(first.title()), listed.body());
      String tag2 = listed.headers().firstValue("ETag").orElseThrow();
      site.publish(articles.get(1));
      assertEquals(200, get(site.feedUrl(), tag2).statusCode(), "even within the same second");

      assertEquals(Optional.empty(), site.firstServed(first.id()));
      var page = get(site.baseUrl() + first.localPath(), null);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains(first.title()));
      var servedAt = site.firstServed(first.id()).orElseThrow();
      get(site.baseUrl() + first.localPath(), null);
      assertEquals(servedAt, site.firstServed(first.id()).orElseThrow(), "the first fetch counts");
      assertTrue(!site.listedAt(first.id()).orElseThrow().isAfter(servedAt));
      assertEquals(404, get(site.baseUrl() + "/news/none.html", null).statusCode());
      assertEquals(4, site.feedReads());
    }
  }
}
