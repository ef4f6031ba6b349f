package io.healthwatch.indexer.issue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.indexer.IndexerConfig;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materializes the issue of a week: picks its most relevant primary articles, numbers it, renders
 * it, stores it in the issues index (id = window end, so running it again updates the issue) and
 * writes the Markdown file.
 */
public final class IssueMaterializer {
  private static final Logger LOG = LoggerFactory.getLogger(IssueMaterializer.class);

  /** What was materialized and where it is. */
  public record Result(WeeklyIssue issue, String index, Path markdownFile, Path htmlFile) {}

  private final OpenSearchClient client;
  private final String namespace;
  private final IndexerConfig.Issues settings;
  private final IssueNumbering numbering;
  private final IssueRenderer renderer;
  private final EditorOverrides overrides;

  public IssueMaterializer(
      OpenSearchClient client, String namespace, IndexerConfig.Issues settings) {
    this.client = client;
    this.namespace = namespace;
    this.settings = settings;
    this.numbering = new IssueNumbering(settings.anchors());
    this.renderer = new IssueRenderer(settings);
    this.overrides = new EditorOverrides(client, namespace);
  }

  /**
   * @param outputDir where the Markdown file goes
   * @throws IllegalArgumentException when the week has no relevant article or no numbering anchor
   */
  public Result materialize(LocalDate windowEnd, Path outputDir) throws IOException {
    List<ArticleDocument> chosen = selection(windowEnd);
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "no relevant article in the week ending "
              + windowEnd
              + " (index "
              + Indices.ARTICLES.alias(namespace)
              + ")");
    }
    LocalDate windowStart =
        chosen.stream()
            .filter(a -> a.window() != null && a.window().end().equals(windowEnd.toString()))
            .findFirst()
            .map(a -> LocalDate.parse(a.window().start()))
            .orElse(windowEnd.minusDays(6));
    int number = numbering.numberFor(windowEnd, archivedNumbers());
    String markdown = renderer.markdown(number, windowStart, windowEnd, chosen);
    String html = renderer.html(number, windowStart, windowEnd, chosen);
    var issue =
        new WeeklyIssue(
            windowEnd.toString(),
            number,
            "第" + ChineseNumerals.digitByDigit(number) + "期",
            settings.title(),
            settings.organisation(),
            windowEnd,
            windowStart,
            windowEnd,
            chosen.stream().map(ArticleDocument::id).toList(),
            chosen.stream()
                .map(
                    a ->
                        new WeeklyIssue.IssueArticle(
                            a.id(), a.title(), a.source(), a.url(), a.publishedAt(), a.relevance()))
                .toList(),
            markdown,
            html,
            Instant.now());
    String index = Indices.ISSUES.alias(namespace);
    client.index(i -> i.index(index).id(issue.id()).document(issue).refresh(Refresh.True));
    Files.createDirectories(outputDir);
    Path file = outputDir.resolve(windowEnd + "-issue-" + number + ".md");
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
    Path htmlFile = outputDir.resolve(windowEnd + "-issue-" + number + ".html");
    Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
    LOG.info(
        "materialized issue {} ({}..{}) with {} articles: {}",
        number,
        windowStart,
        windowEnd,
        chosen.size(),
        file);
    return new Result(issue, index, file, htmlFile);
  }

  /** Window end dates of the weeks that have relevant primary articles, oldest first. */
  public List<LocalDate> windowsWithCandidates() throws IOException {
    var response =
        client.search(
            s ->
                s.index(Indices.ARTICLES.alias(namespace))
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
   * What the week's issue would hold now: the editor's pins first (whatever their relevance), then
   * the week's most relevant primaries that were not excluded, up to the configured count; listed
   * in the order they were published.
   */
  public List<ArticleDocument> selection(LocalDate windowEnd) throws IOException {
    return selection(windowEnd, overrides.choices(windowEnd));
  }

  /** The same, with the week's choices already read (the editors' page shows them too). */
  public List<ArticleDocument> selection(LocalDate windowEnd, EditorOverrides.Choices choices)
      throws IOException {
    var chosen = new ArrayList<ArticleDocument>(pinned(choices.pinned()));
    var ranked =
        candidates(
            windowEnd, settings.articles() + choices.excluded().size() + choices.pinned().size());
    for (ArticleDocument article : ranked) {
      if (chosen.size() >= Math.max(settings.articles(), choices.pinned().size())) {
        break;
      }
      if (!choices.excluded().contains(article.id()) && !choices.pinned().contains(article.id())) {
        chosen.add(article);
      }
    }
    chosen.sort(Comparator.comparing(ArticleDocument::publishedAt));
    return chosen;
  }

  /** The week's relevant primary articles, most relevant first (earlier first on a tie). */
  public List<ArticleDocument> candidates(LocalDate windowEnd, int limit) throws IOException {
    var response =
        client.search(
            s ->
                s.index(Indices.ARTICLES.alias(namespace))
                    .size(limit)
                    .query(candidates(windowEnd))
                    .sort(o -> o.field(f -> f.field("relevance").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc))),
            ArticleDocument.class);
    return response.hits().hits().stream().map(Hit::source).toList();
  }

  private List<ArticleDocument> pinned(java.util.Set<String> ids) throws IOException {
    if (ids.isEmpty()) {
      return List.of();
    }
    var response =
        client.search(
            s ->
                s.index(Indices.ARTICLES.alias(namespace))
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

  /** Only the fields numbering needs, not whole issues with their text. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record PublishedWeek(LocalDate windowEnd, int number) {}

  /** The number of each week that has an issue, by its window end. */
  public java.util.Map<LocalDate, Integer> archivedNumbers() throws IOException {
    var response =
        client.search(
            s ->
                s.index(Indices.ISSUES.alias(namespace))
                    .size(10_000)
                    .source(src -> src.filter(f -> f.includes("windowEnd", "number"))),
            PublishedWeek.class);
    var numbers = new java.util.TreeMap<LocalDate, Integer>();
    response.hits().hits().forEach(h -> numbers.put(h.source().windowEnd(), h.source().number()));
    return numbers;
  }

  /** Window end dates of the weeks that have an issue. */
  public List<LocalDate> publishedWindowEnds() throws IOException {
    return List.copyOf(archivedNumbers().keySet());
  }
}
