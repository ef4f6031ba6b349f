package io.healthwatch.indexer;

import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.Entity;
import io.healthwatch.contracts.message.IssueWindow;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;

/** Articles for indexer tests, made from the contract's example, written straight to the index. */
public final class TestArticles {
  private TestArticles() {}

  /** The example article (issue 575's week) under another link, title, text and standing. */
  public static TaggedArticle article(
      String url,
      String source,
      String title,
      String body,
      String publishedAt,
      ArticleStatus status,
      double relevance,
      List<String> entities) {
    TaggedArticle base;
    try (InputStream in =
        TestArticles.class.getResourceAsStream("/examples/tagged-article.v1.json")) {
      base = Json.mapper().readValue(in, TaggedArticle.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String id = ArticleIds.forCanonicalUrl(url);
    var discovered =
        new DiscoveredArticle(
            1,
            id,
            url,
            url,
            "s",
            source,
            title,
            OffsetDateTime.parse(publishedAt),
            null,
            body,
            Instant.now());
    return new TaggedArticle(
        1,
        id,
        1,
        status,
        discovered,
        base.window(),
        entities.stream().map(e -> new Entity("COMPANY", e, e, "body", 0, e.length())).toList(),
        base.topics(),
        relevance,
        relevance >= 0.5,
        base.dedup(),
        List.of());
  }

  /** The article in another weekly window (the example is in issue 575's). */
  public static TaggedArticle inWindow(TaggedArticle a, IssueWindow window) {
    return new TaggedArticle(
        a.schemaVersion(),
        a.id(),
        a.revision(),
        a.status(),
        a.article(),
        window,
        a.entities(),
        a.topics(),
        a.relevance(),
        a.relevant(),
        a.dedup(),
        a.reprints());
  }

  public static void index(OpenSearchClient client, String namespace, List<TaggedArticle> articles)
      throws IOException {
    for (var article : articles) {
      var document = ArticleDocument.of(article, Instant.now());
      client.index(
          i ->
              i.index(Indices.ARTICLES.alias(namespace))
                  .id(document.id())
                  .document(document)
                  .refresh(Refresh.True));
    }
  }

  /** A client of the test node and a fresh namespace with its indices made. */
  public record Node(OpenSearchClient client, String namespace) {}

  public static Node freshNamespace(String prefix) throws IOException {
    return freshNamespace(prefix, IndexerMain.INDICES);
  }

  /** The same with the indices of another service (the editorial service's). */
  public static Node freshNamespace(String prefix, List<Indices> indices) throws IOException {
    var endpoints = io.healthwatch.testkit.Infrastructure.get();
    String namespace = io.healthwatch.testkit.Infrastructure.namespace(prefix);
    OpenSearchClient client =
        OpenSearchClients.create(
            new io.healthwatch.contracts.config.OpenSearchSettings(
                endpoints.openSearchUrl(), "", ""));
    IndexBootstrap.ensure(client, namespace, 0, "auto", indices);
    return new Node(client, namespace);
  }
}
