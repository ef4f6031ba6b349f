package io.healthwatch.indexer.issue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.healthwatch.contracts.topic.Indices;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.SortOrder;

/** The published issues, as the editors' archive lists and opens them. */
public final class IssueArchive {
  /** An issue without its text: one line of the archive. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      int number,
      String numberText,
      LocalDate windowStart,
      LocalDate windowEnd,
      List<String> articleIds,
      Instant generatedAt) {}

  private final OpenSearchClient client;
  private final String index;

  public IssueArchive(OpenSearchClient client, String namespace) {
    this.client = client;
    this.index = Indices.ISSUES.alias(namespace);
  }

  /** Newest week first. */
  public List<Entry> entries() throws IOException {
    var response =
        client.search(
            s ->
                s.index(index)
                    .size(10_000)
                    .source(
                        src ->
                            src.filter(
                                f ->
                                    f.includes(
                                        "number",
                                        "numberText",
                                        "windowStart",
                                        "windowEnd",
                                        "articleIds",
                                        "generatedAt")))
                    .sort(o -> o.field(f -> f.field("windowEnd").order(SortOrder.Desc))),
            Entry.class);
    return response.hits().hits().stream().map(h -> h.source()).toList();
  }

  /** The issue of the week ending on a day, if it was published. */
  public Optional<WeeklyIssue> issue(LocalDate windowEnd) throws IOException {
    var response = client.get(g -> g.index(index).id(windowEnd.toString()), WeeklyIssue.class);
    return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
  }
}
