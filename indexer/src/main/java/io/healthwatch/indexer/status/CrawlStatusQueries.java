package io.healthwatch.indexer.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.indexer.RestCalls;
import io.healthwatch.indexer.bulk.CrawlStatusDocument;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * What operators ask of the crawl-status index: per source, how it is doing (the {@code sources}
 * command, the dashboards' questions); and which URLs are in a given state (the {@code urls}
 * command). Read only.
 */
public final class CrawlStatusQueries {
  private final OpenSearchClient client;
  private final String alias;

  public CrawlStatusQueries(OpenSearchClient client, String namespace) {
    this.client = client;
    this.alias = Indices.CRAWL_STATUS.alias(namespace);
  }

  /**
   * One source's health.
   *
   * @param urlsByStatus its pages (entries and articles) by crawl status
   * @param lastSuccess when one of its URLs last answered with a page, or null
   * @param articles24h, articles7d articles first published in the last 24 hours / 7 days
   * @param endedByReason URLs that ended (ERROR, GONE) by reason: what its dead letters say
   * @param retrying URLs in FETCH_ERROR, waiting for a retry
   * @param maxErrorCount the longest run of failures among them (how far into its backoff)
   * @param nextRetry the earliest of their retries, or null
   * @param robots its hosts' robots.txt states, by status
   * @param robotsProblem the last robots.txt failure in words, or null
   */
  public record SourceHealth(
      String sourceId,
      Map<String, Long> urlsByStatus,
      Instant lastSuccess,
      long articles24h,
      long articles7d,
      Map<String, Long> endedByReason,
      long retrying,
      int maxErrorCount,
      Instant nextRetry,
      Map<String, Long> robots,
      String robotsProblem) {}

  /**
   * @param sourceId one source, or null for all
   */
  public List<SourceHealth> sources(String sourceId, Instant now) throws IOException {
    var body = Json.mapper().createObjectNode();
    body.put("size", 0);
    if (sourceId != null) {
      body.putObject("query").putObject("term").put("sourceId", sourceId);
    }
    var perSource = body.putObject("aggs").putObject("sources");
    perSource.putObject("terms").put("field", "sourceId").put("size", 10_000);
    var aggs = perSource.putObject("aggs");
    var pages = aggs.putObject("pages");
    pages
        .putObject("filter")
        .putObject("bool")
        .putObject("must_not")
        .putObject("term")
        .put("role", "ROBOTS");
    var pageAggs = pages.putObject("aggs");
    terms(pageAggs, "status", "status");
    pageAggs.putObject("lastSuccess").putObject("max").put("field", "lastSuccess");
    since(pageAggs, "day", now.minus(Duration.ofHours(24)));
    since(pageAggs, "week", now.minus(Duration.ofDays(7)));
    var ended = pageAggs.putObject("ended");
    ended.putObject("filter").putObject("terms").putArray("status").add("ERROR").add("GONE");
    terms(ended.putObject("aggs"), "reason", "reason");
    var retrying = pageAggs.putObject("retrying");
    retrying.putObject("filter").putObject("term").put("status", "FETCH_ERROR");
    var retryAggs = retrying.putObject("aggs");
    retryAggs.putObject("maxErrors").putObject("max").put("field", "errorCount");
    retryAggs.putObject("nextRetry").putObject("min").put("field", "nextFetch");
    var robots = aggs.putObject("robots");
    robots.putObject("filter").putObject("term").put("role", "ROBOTS");
    var robotsAggs = robots.putObject("aggs");
    terms(robotsAggs, "status", "status");
    var problem = robotsAggs.putObject("problem");
    problem.putObject("filter").putObject("term").put("status", "FETCH_ERROR");
    var last = problem.putObject("aggs").putObject("last").putObject("top_hits");
    last.put("size", 1);
    last.putArray("_source").add("message").add("url");
    last.putArray("sort").addObject().put("lastFetched", "desc");

    JsonNode answer =
        RestCalls.require(client, "POST", "/" + alias + "/_search", body, "querying " + alias);
    var out = new ArrayList<SourceHealth>();
    for (JsonNode bucket : answer.path("aggregations").path("sources").path("buckets")) {
      JsonNode p = bucket.path("pages");
      JsonNode r = bucket.path("robots");
      JsonNode top = r.path("problem").path("last").path("hits").path("hits");
      out.add(
          new SourceHealth(
              bucket.path("key").asText(),
              counts(p.path("status")),
              instant(p.path("lastSuccess")),
              p.path("day").path("doc_count").asLong(),
              p.path("week").path("doc_count").asLong(),
              counts(p.path("ended").path("reason")),
              p.path("retrying").path("doc_count").asLong(),
              (int) p.path("retrying").path("maxErrors").path("value").asDouble(0),
              instant(p.path("retrying").path("nextRetry")),
              counts(r.path("status")),
              top.isEmpty()
                  ? null
                  : top.get(0).path("_source").path("url").asText()
                      + ": "
                      + top.get(0).path("_source").path("message").asText()));
    }
    return out;
  }

  /** A selection of URLs; each filter may be null. */
  public record UrlQuery(String sourceId, String status, String role, String host, int size) {}

  /** The selected URLs, most recently fetched first (never fetched last), and how many match. */
  public record Urls(long total, List<CrawlStatusDocument> urls) {}

  public Urls urls(UrlQuery query) throws IOException {
    var body = Json.mapper().createObjectNode();
    body.put("size", query.size());
    body.put("track_total_hits", true);
    ArrayNode filters = body.putObject("query").putObject("bool").putArray("filter");
    term(filters, "sourceId", query.sourceId());
    term(filters, "status", query.status());
    term(filters, "role", query.role());
    term(filters, "host", query.host());
    var sort = body.putArray("sort");
    sort.addObject().putObject("lastFetched").put("order", "desc").put("missing", "_last");
    sort.addObject().put("url", "asc");
    JsonNode answer =
        RestCalls.require(client, "POST", "/" + alias + "/_search", body, "querying " + alias);
    var urls = new ArrayList<CrawlStatusDocument>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      urls.add(Json.mapper().treeToValue(hit.path("_source"), CrawlStatusDocument.class));
    }
    return new Urls(answer.path("hits").path("total").path("value").asLong(), urls);
  }

  private static void term(ArrayNode filters, String field, String value) {
    if (value != null) {
      filters.addObject().putObject("term").put(field, value);
    }
  }

  private static void terms(ObjectNode aggs, String name, String field) {
    aggs.putObject(name).putObject("terms").put("field", field).put("size", 50);
  }

  private static void since(ObjectNode aggs, String name, Instant from) {
    aggs.putObject(name)
        .putObject("filter")
        .putObject("range")
        .putObject("firstPublished")
        .put("gte", from.toString());
  }

  private static Map<String, Long> counts(JsonNode termsAgg) {
    var counts = new LinkedHashMap<String, Long>();
    for (JsonNode bucket : termsAgg.path("buckets")) {
      counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
    }
    return counts;
  }

  private static Instant instant(JsonNode metric) {
    JsonNode value = metric.path("value");
    return value.isNumber() ? Instant.ofEpochMilli(value.asLong()) : null;
  }
}
