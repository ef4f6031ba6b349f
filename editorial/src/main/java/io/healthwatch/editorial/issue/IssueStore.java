package io.healthwatch.editorial.issue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.healthwatch.contracts.topic.Indices;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;

/**
 * The archive of published issues: the only reader and writer of the issues index. One document per
 * week (id = window end), so a week materialized again is revised, never added twice.
 */
public final class IssueStore {
  /** An issue without its text: one line of the archive. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      int number,
      String numberText,
      LocalDate windowStart,
      LocalDate windowEnd,
      List<String> articleIds,
      Integer revision,
      Instant generatedAt) {
    public Entry {
      // As WeeklyIssue reads an issue archived before revisions were counted.
      revision = revision == null ? 1 : Math.max(revision, 1);
      articleIds = articleIds == null ? List.of() : articleIds;
    }
  }

  private static final String[] ENTRY_FIELDS = {
    "number", "numberText", "windowStart", "windowEnd", "articleIds", "revision", "generatedAt"
  };

  private final OpenSearchClient client;
  private final String index;

  public IssueStore(OpenSearchClient client, String namespace) {
    this.client = client;
    this.index = Indices.ISSUES.alias(namespace);
  }

  public String index() {
    return index;
  }

  /** Stores an issue, visible to the next read. */
  public void save(WeeklyIssue issue) throws IOException {
    client.index(i -> i.index(index).id(issue.id()).document(issue).refresh(Refresh.True));
  }

  /** The issue of the week ending on a day, if it was published. */
  public Optional<WeeklyIssue> issue(LocalDate windowEnd) throws IOException {
    var response = client.get(g -> g.index(index).id(windowEnd.toString()), WeeklyIssue.class);
    return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
  }

  /** Every published issue without its text, newest week first. */
  public List<Entry> entries() throws IOException {
    var response =
        client.search(
            s ->
                s.index(index)
                    .size(10_000)
                    .source(src -> src.filter(f -> f.includes(List.of(ENTRY_FIELDS))))
                    .sort(o -> o.field(f -> f.field("windowEnd").order(SortOrder.Desc))),
            Entry.class);
    return response.hits().hits().stream().map(h -> h.source()).toList();
  }

  /**
   * The latest weeks' issues, newest first, without their Markdown and HTML (a feed's entries): one
   * request, not one per issue.
   */
  public List<WeeklyIssue> recent(int limit) throws IOException {
    var response =
        client.search(
            s ->
                s.index(index)
                    .size(limit)
                    .source(src -> src.filter(f -> f.excludes("markdown", "html")))
                    .sort(o -> o.field(f -> f.field("windowEnd").order(SortOrder.Desc))),
            WeeklyIssue.class);
    return response.hits().hits().stream().map(h -> h.source()).toList();
  }

  /** The number of each week that has an issue, by its window end. */
  public Map<LocalDate, Integer> numbers() throws IOException {
    var numbers = new TreeMap<LocalDate, Integer>();
    entries().forEach(e -> numbers.put(e.windowEnd(), e.number()));
    return numbers;
  }
}
