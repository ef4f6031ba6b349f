package io.healthwatch.indexer.bulk;

import io.healthwatch.contracts.message.TaggedArticle;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A tagged article as stored in the articles index: flat fields for search and aggregation (entity
 * names, entity types and topic ids as keywords, which dashboards aggregate) next to the nested
 * details.
 */
public record ArticleDocument(
    String id,
    int revision,
    String status,
    String title,
    String body,
    String source,
    String sourceId,
    String url,
    String fetchedUrl,
    OffsetDateTime publishedAt,
    String author,
    Window window,
    List<EntityRef> entities,
    List<String> entityNames,
    List<String> entityTypes,
    List<TopicRef> topics,
    List<String> topicIds,
    double relevance,
    boolean relevant,
    String duplicateOf,
    List<String> reprints,
    String contentHash,
    String simhash,
    Instant indexedAt) {

  /** The weekly window, as dates. */
  public record Window(String id, String start, String end) {}

  /** An entity without offsets: the index aggregates names, the topic keeps the spans. */
  public record EntityRef(String type, String text, String normalized) {}

  /** A topic with its score. */
  public record TopicRef(String id, String label, double score) {}

  public static ArticleDocument of(TaggedArticle tagged, Instant indexedAt) {
    var article = tagged.article();
    var entities =
        tagged.entities().stream()
            .map(e -> new EntityRef(e.type(), e.text(), e.normalized()))
            .distinct()
            .toList();
    return new ArticleDocument(
        tagged.id(),
        tagged.revision(),
        tagged.status().name(),
        article.title(),
        article.body(),
        article.sourceName(),
        article.sourceId(),
        article.canonicalUrl(),
        article.fetchedUrl(),
        article.publishedAt(),
        article.author(),
        new Window(
            tagged.window().id(),
            tagged.window().start().toString(),
            tagged.window().end().toString()),
        entities,
        entities.stream().map(EntityRef::normalized).distinct().toList(),
        entities.stream().map(EntityRef::type).distinct().toList(),
        tagged.topics().stream().map(t -> new TopicRef(t.id(), t.label(), t.score())).toList(),
        tagged.topics().stream().map(t -> t.id()).toList(),
        tagged.relevance(),
        tagged.relevant(),
        tagged.dedup().duplicateOf(),
        tagged.reprints(),
        tagged.dedup().contentHash(),
        tagged.dedup().simhash(),
        indexedAt);
  }
}
