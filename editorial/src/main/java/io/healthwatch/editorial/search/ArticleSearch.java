package io.healthwatch.editorial.search;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Full-text search over the indexed articles, as an editor or a dashboard asks: words in the title
 * or body (Chinese words match as written: the analyzer's character pairs must stand together),
 * filtered by source, entity and publish dates. Duplicates are left out: a story is found once, at
 * its primary.
 */
public final class ArticleSearch {
  private final OpenSearchClient client;
  private final String namespace;
  private final WeeklyCalendar calendar;

  /**
   * @param text words to find (title matches weigh triple); blank for every article
   * @param source the source's name as reports show it (新华网), or null
   * @param entity an entity's normalized name (北京协和医院), or null
   * @param topic a topic id (ai-medicine), or null
   * @param from first publish day (China time), or null
   * @param to last publish day, inclusive, or null
   * @param size how many hits at most
   */
  public record Request(
      String text,
      String source,
      String entity,
      String topic,
      LocalDate from,
      LocalDate to,
      int size) {}

  /** The sources and topics present in the index, most frequent first: a search form's choices. */
  public record Facets(List<String> sources, List<String> topics) {}

  public record Hit(ArticleDocument article, double score) {}

  public record Result(long total, List<Hit> hits) {}

  public ArticleSearch(OpenSearchClient client, String namespace, WeeklyCalendar calendar) {
    this.client = client;
    this.calendar = calendar;
    this.namespace = namespace;
  }

  public Result search(Request request) throws IOException {
    var filters = new ArrayList<Query>();
    filters.add(term("status", "PRIMARY"));
    if (request.source() != null) {
      filters.add(term("source", request.source()));
    }
    if (request.entity() != null) {
      filters.add(term("entityNames", request.entity()));
    }
    if (request.topic() != null) {
      filters.add(term("topicIds", request.topic()));
    }
    if (request.from() != null || request.to() != null) {
      filters.add(
          Query.of(
              q ->
                  q.range(
                      r -> {
                        r.field("publishedAt");
                        if (request.from() != null) {
                          r.gte(JsonData.of(calendar.startOf(request.from()).toString()));
                        }
                        if (request.to() != null) {
                          r.lt(JsonData.of(calendar.startOf(request.to().plusDays(1)).toString()));
                        }
                        return r;
                      })));
    }
    String text = request.text() == null ? "" : request.text().strip();
    Query query =
        Query.of(
            q ->
                q.bool(
                    b -> {
                      b.filter(filters);
                      if (!text.isEmpty()) {
                        b.should(s -> s.matchPhrase(m -> m.field("title").query(text).boost(3f)));
                        b.should(s -> s.matchPhrase(m -> m.field("body").query(text)));
                        b.minimumShouldMatch("1");
                      }
                      return b;
                    }));
    var response =
        client.search(
            s ->
                s.index(Indices.ARTICLES.alias(namespace))
                    .size(request.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .query(query)
                    .sort(o -> o.score(sc -> sc))
                    .sort(
                        o ->
                            o.field(
                                f ->
                                    f.field("publishedAt")
                                        .order(
                                            org.opensearch.client.opensearch._types.SortOrder
                                                .Desc))),
            ArticleDocument.class);
    var hits = new ArrayList<Hit>();
    for (var hit : response.hits().hits()) {
      hits.add(new Hit(hit.source(), hit.score() == null ? 0 : hit.score()));
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    return new Result(total, hits);
  }

  public Facets facets() throws IOException {
    var response =
        client.search(
            s ->
                s.index(Indices.ARTICLES.alias(namespace))
                    .size(0)
                    .query(term("status", "PRIMARY"))
                    .aggregations("sources", a -> a.terms(t -> t.field("source").size(200)))
                    .aggregations("topics", a -> a.terms(t -> t.field("topicIds").size(100))),
            ArticleDocument.class);
    return new Facets(keys(response, "sources"), keys(response, "topics"));
  }

  private static List<String> keys(
      org.opensearch.client.opensearch.core.SearchResponse<ArticleDocument> response, String name) {
    return response.aggregations().get(name).sterms().buckets().array().stream()
        .map(b -> b.key())
        .toList();
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
  }
}
