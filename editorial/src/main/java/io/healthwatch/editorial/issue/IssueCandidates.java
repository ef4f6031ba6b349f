package io.healthwatch.editorial.issue;

import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the articles index offers an issue: the relevant primary articles of each week. */
public final class IssueCandidates {
  private static final Logger LOG = LoggerFactory.getLogger(IssueCandidates.class);

  private final OpenSearchClient client;
  private final String index;

  public IssueCandidates(OpenSearchClient client, String namespace) {
    this.client = client;
    this.index = Indices.ARTICLES.alias(namespace);
  }

  /** The articles index read, for messages. */
  public String index() {
    return index;
  }

  /** Window end dates of the weeks that have relevant primary articles, oldest first. */
  public List<LocalDate> windows() throws IOException {
    var response =
        client.search(
            s ->
                s.index(index)
                    .size(0)
                    .query(candidates(null))
                    .aggregations("windows", a -> a.terms(t -> t.field("window.end").size(10_000))),
            ArticleDocument.class);
    var ends = new ArrayList<LocalDate>();
    for (var bucket : response.aggregations().get("windows").lterms().buckets().array()) {
      ends.add(LocalDate.parse(bucket.keyAsString().substring(0, 10)));
    }
    ends.sort(Comparator.naturalOrder());
    return ends;
  }

  /**
   * The week's relevant primary articles, most relevant first (earlier first on a tie, then by id:
   * without that last key two articles of one score and minute came back in the order of the node's
   * segments, so the same articles gave the editors a different list after a restart).
   */
  public List<ArticleDocument> ranked(LocalDate windowEnd, int limit) throws IOException {
    var response =
        client.search(
            s ->
                s.index(index)
                    .size(limit)
                    .query(candidates(windowEnd))
                    .sort(o -> o.field(f -> f.field("relevance").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
            ArticleDocument.class);
    return response.hits().hits().stream().map(Hit::source).toList();
  }

  /** How many relevant primary articles the week has so far. */
  public long count(LocalDate windowEnd) throws IOException {
    return client.count(c -> c.index(index).query(candidates(windowEnd))).count();
  }

  /** Articles by id, whatever their standing (an editor's pins); those not indexed are left out. */
  public List<ArticleDocument> byIds(Set<String> ids) throws IOException {
    if (ids.isEmpty()) {
      return List.of();
    }
    var response =
        client.search(
            s ->
                s.index(index)
                    .size(ids.size())
                    .query(
                        q ->
                            q.terms(
                                t ->
                                    t.field("id")
                                        .terms(
                                            v ->
                                                v.value(
                                                    ids.stream().map(FieldValue::of).toList())))),
            ArticleDocument.class);
    var found = response.hits().hits().stream().map(Hit::source).toList();
    if (found.size() < ids.size()) {
      LOG.warn("pinned articles not in the index are left out: {}", ids);
    }
    return found;
  }

  /** Primary, relevant articles (of one week, when given): the candidates of an issue. */
  private static Query candidates(LocalDate windowEnd) {
    var filters = new ArrayList<Query>();
    filters.add(term("status", FieldValue.of("PRIMARY")));
    filters.add(term("relevant", FieldValue.of(true)));
    if (windowEnd != null) {
      filters.add(term("window.end", FieldValue.of(windowEnd.toString())));
    }
    return Query.of(q -> q.bool(b -> b.filter(filters)));
  }

  private static Query term(String field, FieldValue value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }
}
