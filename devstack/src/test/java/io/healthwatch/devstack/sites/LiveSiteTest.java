package io.healthwatch.devstack.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveSiteTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static DemoCorpus.Article article(String id, String title) {
    return new DemoCorpus.Article(
        id,
        "seed",
        null,
        null,
        "live",
        null,
        title,
        "http://live.example/news/" + id + ".html",
        OffsetDateTime.parse("2026-11-26T10:00:00+08:00"),
        List.of("第一段。", "第二段。"));
  }

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

      var first = article("a1", "医保码上线");
      site.publish(first);
      var listed = get(site.feedUrl(), tag);
      assertEquals(200, listed.statusCode(), "a new article changes the feed at once");
      assertTrue(listed.body().contains("医保码上线"), listed.body());
      String tag2 = listed.headers().firstValue("ETag").orElseThrow();
      site.publish(article("a2", "互联网医院开通"));
      assertEquals(200, get(site.feedUrl(), tag2).statusCode(), "even within the same second");

      assertEquals(Optional.empty(), site.firstServed("a1"));
      var page = get(site.baseUrl() + first.localPath(), null);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("医保码上线"));
      var servedAt = site.firstServed("a1").orElseThrow();
      get(site.baseUrl() + first.localPath(), null);
      assertEquals(servedAt, site.firstServed("a1").orElseThrow(), "the first fetch counts");
      assertTrue(!site.listedAt("a1").orElseThrow().isAfter(servedAt));
      assertEquals(404, get(site.baseUrl() + "/news/none.html", null).statusCode());
      assertEquals(4, site.feedReads());
    }
  }
}
