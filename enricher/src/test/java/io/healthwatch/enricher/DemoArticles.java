package io.healthwatch.enricher;

import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.devstack.sites.DemoCorpus;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The demo corpus as the crawler would publish it, for topology tests. */
final class DemoArticles {
  static final DemoCorpus CORPUS = DemoCorpus.load();

  private DemoArticles() {}

  static DemoCorpus.Article byId(String id) {
    return CORPUS.articles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  static DiscoveredArticle discovered(String id) {
    var a = byId(id);
    return new DiscoveredArticle(
        DiscoveredArticle.SCHEMA_VERSION,
        ArticleIds.forCanonicalUrl(a.link()),
        a.link(),
        "http://127.0.0.1:1" + a.localPath(),
        a.outlet(),
        a.source(),
        a.title(),
        a.date(),
        null,
        String.join("\n\n", a.paragraphs()),
        Instant.parse("2025-07-01T00:00:00Z"));
  }

  /** The article under another address with another body: a copy on another site. */
  static DiscoveredArticle copy(DiscoveredArticle a, String url, String body) {
    return new DiscoveredArticle(
        a.schemaVersion(),
        ArticleIds.forCanonicalUrl(url),
        url,
        url,
        a.sourceId(),
        a.sourceName() + "转载",
        a.title(),
        a.publishedAt().plusHours(3),
        a.author(),
        body,
        a.fetchedAt());
  }

  static DiscoveredArticle as(DiscoveredArticle a, String sourceName, OffsetDateTime publishedAt) {
    return with(a, sourceName, publishedAt, a.fetchedAt());
  }

  static DiscoveredArticle fetchedAt(DiscoveredArticle a, Instant fetchedAt) {
    return with(a, a.sourceName(), a.publishedAt(), fetchedAt);
  }

  /** The article with another source name, publish time (null for none) and fetch time. */
  static DiscoveredArticle with(
      DiscoveredArticle a, String sourceName, OffsetDateTime publishedAt, Instant fetchedAt) {
    return new DiscoveredArticle(
        a.schemaVersion(),
        a.id(),
        a.canonicalUrl(),
        a.fetchedUrl(),
        a.sourceId(),
        sourceName,
        a.title(),
        publishedAt,
        a.author(),
        a.body(),
        fetchedAt);
  }
}
