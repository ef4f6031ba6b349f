package io.healthwatch.editorial.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.editorial.issue.IssueStore;
import io.healthwatch.editorial.issue.WeeklyIssue;
import io.healthwatch.editorial.search.ArticleSearch;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-only JSON API for downstream systems, under {@code /api/v1/}: the archive of issues, one
 * issue, and article search with the pages' filters. Its description is {@code
 * /api/v1/openapi.json} (resources/api/openapi.json); what it answers is the records below, so the
 * description and the answers are checked against each other by {@code EditorApiIT}.
 */
final class IssueApi {
  static final String PREFIX = "/api/v1/";
  private static final Pattern ISSUE = Pattern.compile("/api/v1/issues/(\\d{4}-\\d{2}-\\d{2})");
  static final int MAX_HITS = 100;

  /** An answer: status and JSON body. */
  record Answer(int status, byte[] json) {}

  /** One issue of the archive. */
  record IssueSummary(
      int number,
      String numberText,
      LocalDate windowStart,
      LocalDate windowEnd,
      int articleCount,
      int revision,
      Instant generatedAt,
      String self,
      String page) {}

  /** One issue with its articles in issue order. */
  record IssueDetail(
      int number,
      String numberText,
      String title,
      String organisation,
      LocalDate windowStart,
      LocalDate windowEnd,
      int revision,
      Instant firstPublishedAt,
      Instant generatedAt,
      List<WeeklyIssue.IssueArticle> articles,
      String page,
      String markdown) {}

  /** An article found by search. */
  record ArticleHit(
      String id,
      String title,
      String source,
      String url,
      OffsetDateTime publishedAt,
      LocalDate windowEnd,
      double relevance,
      List<String> topics,
      List<String> entities,
      double score) {}

  record SearchAnswer(long total, List<ArticleHit> articles) {}

  record Problem(int status, String error) {}

  private final IssueStore archive;
  private final ArticleSearch search;

  IssueApi(IssueStore archive, ArticleSearch search) {
    this.archive = archive;
    this.search = search;
  }

  /** The answer to a GET under {@link #PREFIX}. */
  Answer get(String path, Map<String, String> query) throws IOException {
    if (path.equals(PREFIX + "openapi.json")) {
      return new Answer(200, description());
    }
    if (path.equals(PREFIX + "issues")) {
      var issues =
          archive.entries().stream()
              .map(
                  e ->
                      new IssueSummary(
                          e.number(),
                          e.numberText(),
                          e.windowStart(),
                          e.windowEnd(),
                          e.articleIds().size(),
                          e.revision(),
                          e.generatedAt(),
                          PREFIX + "issues/" + e.windowEnd(),
                          "/issues/" + e.windowEnd()))
              .toList();
      return ok(Map.of("issues", issues));
    }
    Matcher issue = ISSUE.matcher(path);
    if (issue.matches()) {
      LocalDate windowEnd = Requests.date(issue.group(1));
      Optional<WeeklyIssue> found = archive.issue(windowEnd);
      if (found.isEmpty()) {
        return problem(404, "no issue for the week ending " + windowEnd);
      }
      WeeklyIssue i = found.get();
      return ok(
          new IssueDetail(
              i.number(),
              i.numberText(),
              i.title(),
              i.organisation(),
              i.windowStart(),
              i.windowEnd(),
              i.revision(),
              i.firstPublishedAt(),
              i.generatedAt(),
              i.articles(),
              "/issues/" + i.windowEnd(),
              i.markdown()));
    }
    if (path.equals(PREFIX + "articles")) {
      int size = Requests.integer(query.get("size"), 20, 1, MAX_HITS, "size");
      var result = search.search(Requests.search(query, size));
      return ok(
          new SearchAnswer(
              result.total(),
              result.hits().stream().map(h -> hit(h.article(), h.score())).toList()));
    }
    return problem(404, "no resource at " + path + " (see " + PREFIX + "openapi.json)");
  }

  static Answer problem(int status, String error) {
    return new Answer(status, json(new Problem(status, error)));
  }

  private static ArticleHit hit(ArticleDocument a, double score) {
    return new ArticleHit(
        a.id(),
        a.title(),
        a.source(),
        a.url(),
        a.publishedAt(),
        a.window() == null || a.window().end() == null ? null : LocalDate.parse(a.window().end()),
        a.relevance(),
        a.topicIds() == null ? List.of() : a.topicIds(),
        a.entityNames() == null ? List.of() : a.entityNames(),
        score);
  }

  private static Answer ok(Object body) {
    return new Answer(200, json(body));
  }

  private static byte[] json(Object body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] description() {
    try (InputStream in = IssueApi.class.getResourceAsStream("/api/openapi.json")) {
      if (in == null) {
        throw new IOException("missing resource api/openapi.json");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The description as a tree, for tests. */
  static ObjectNode descriptionTree() throws IOException {
    return (ObjectNode) Json.mapper().readTree(description());
  }
}
