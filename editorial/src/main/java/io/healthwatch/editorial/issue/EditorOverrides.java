package io.healthwatch.editorial.issue;

import io.healthwatch.contracts.topic.Indices;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;

/**
 * An editor's choices for a week's issue, kept in their own index so that materializing the issue
 * again keeps them: a pinned article is in the issue whatever its relevance, an excluded one is not
 * whatever its relevance. One choice per week and article: the latest wins, and clearing removes
 * it.
 */
public final class EditorOverrides {
  /** What the editor decided about one article of one week. */
  public enum Action {
    PIN,
    EXCLUDE
  }

  /** One stored choice. */
  public record Override(
      LocalDate windowEnd, String articleId, Action action, String note, Instant at) {}

  /** The choices of one week: articles pinned (in the order pinned) and excluded. */
  public record Choices(Set<String> pinned, Set<String> excluded) {
    public static final Choices NONE = new Choices(Set.of(), Set.of());
  }

  private final OpenSearchClient client;
  private final String index;

  public EditorOverrides(OpenSearchClient client, String namespace) {
    this.client = client;
    this.index = Indices.OVERRIDES.alias(namespace);
  }

  public void set(LocalDate windowEnd, String articleId, Action action, String note)
      throws IOException {
    var override = new Override(windowEnd, articleId, action, note, Instant.now());
    client.index(
        i -> i.index(index).id(id(windowEnd, articleId)).document(override).refresh(Refresh.True));
  }

  /** Removes the week's choice about the article; false when there was none. */
  public boolean clear(LocalDate windowEnd, String articleId) throws IOException {
    var response =
        client.delete(d -> d.index(index).id(id(windowEnd, articleId)).refresh(Refresh.True));
    return "deleted".equalsIgnoreCase(response.result().jsonValue());
  }

  public List<Override> list(LocalDate windowEnd) throws IOException {
    var response =
        client.search(
            s ->
                s.index(index)
                    .size(1000)
                    .query(
                        q ->
                            q.term(
                                t ->
                                    t.field("windowEnd")
                                        .value(FieldValue.of(windowEnd.toString()))))
                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc))),
            Override.class);
    var overrides = new ArrayList<Override>();
    response.hits().hits().forEach(h -> overrides.add(h.source()));
    return overrides;
  }

  public Choices choices(LocalDate windowEnd) throws IOException {
    var pinned = new LinkedHashSet<String>();
    var excluded = new LinkedHashSet<String>();
    for (Override override : list(windowEnd)) {
      (override.action() == Action.PIN ? pinned : excluded).add(override.articleId());
    }
    return new Choices(pinned, excluded);
  }

  private static String id(LocalDate windowEnd, String articleId) {
    return windowEnd + "/" + articleId;
  }
}
