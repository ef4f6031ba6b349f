package io.healthwatch.contracts.message;

import java.util.List;

/**
 * The public record of the tagged-articles topic, keyed by article id.
 *
 * <p>A consumer tells an update from a new article by {@link #revision()}: 1 the first time an id
 * is published, higher when the enricher publishes it again (e.g. it gained a reprint, or lost its
 * primary status to an earlier copy).
 */
public record TaggedArticle(
    int schemaVersion,
    String id,
    int revision,
    ArticleStatus status,
    DiscoveredArticle article,
    IssueWindow window,
    List<Entity> entities,
    List<TopicScore> topics,
    double relevance,
    boolean relevant,
    Dedup dedup,
    List<String> reprints) {

  public static final int SCHEMA_VERSION = 1;

  public TaggedArticle {
    entities = List.copyOf(entities);
    topics = List.copyOf(topics);
    reprints = List.copyOf(reprints);
  }

  public TaggedArticle withRevision(int newRevision) {
    return copy(newRevision, status, dedup, reprints);
  }

  public TaggedArticle asDuplicateOf(String primaryId, String reason) {
    return copy(
        revision + 1,
        ArticleStatus.DUPLICATE,
        new Dedup(dedup.contentHash(), dedup.simhash(), primaryId, reason),
        List.of());
  }

  public TaggedArticle withReprints(List<String> newReprints) {
    return copy(revision + 1, status, dedup, newReprints);
  }

  /** The same article with what dedup may change about it. */
  private TaggedArticle copy(
      int newRevision, ArticleStatus newStatus, Dedup newDedup, List<String> newReprints) {
    return new TaggedArticle(
        schemaVersion,
        id,
        newRevision,
        newStatus,
        article,
        window,
        entities,
        topics,
        relevance,
        relevant,
        newDedup,
        newReprints);
  }
}
