package io.healthwatch.editorial.issue;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.contracts.message.IssueWindow;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materializes the issue of a week: its selection from the candidates and the editor's choices, its
 * number from the archive, its rendering, its archive entry and its files. A week already in the
 * archive keeps its number and window and gets a new revision.
 */
public final class IssueMaterializer {
  private static final Logger LOG = LoggerFactory.getLogger(IssueMaterializer.class);

  /** What was materialized and where it is. */
  public record Result(WeeklyIssue issue, String index, IssueFiles.Written files) {
    public Path markdownFile() {
      return files.markdown();
    }

    public Path htmlFile() {
      return files.html();
    }
  }

  private final EditorialConfig.Issues settings;
  private final WeeklyCalendar calendar;
  private final IssueCandidates candidates;
  private final IssueStore store;
  private final EditorOverrides overrides;
  private final IssueSelection selection;
  private final IssueNumbering numbering;
  private final IssueRenderer renderer;
  private final IssueFiles files;

  public IssueMaterializer(
      OpenSearchClient client,
      String namespace,
      EditorialConfig.Issues settings,
      WeeklyCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
    this.candidates = new IssueCandidates(client, namespace);
    this.store = new IssueStore(client, namespace);
    this.overrides = new EditorOverrides(client, namespace);
    this.selection = new IssueSelection(settings.articles());
    this.numbering = new IssueNumbering(settings.anchors());
    this.renderer = new IssueRenderer(settings);
    this.files = new IssueFiles(settings);
  }

  /**
   * @param outputDir where the issue's files go
   * @throws IllegalArgumentException when the week has no relevant article, is not a week of the
   *     calendar, or has no number (no archived issue or anchor before it)
   */
  public Result materialize(LocalDate windowEnd, Path outputDir) throws IOException {
    Optional<WeeklyIssue> published = store.issue(windowEnd);
    IssueWindow window =
        published
            .map(p -> IssueWindow.of(p.windowStart(), p.windowEnd()))
            .orElseGet(() -> calendar.windowEndingOn(windowEnd));
    List<ArticleDocument> chosen = selection(windowEnd);
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "no relevant article in the week ending "
              + windowEnd
              + " (index "
              + candidates.index()
              + ")");
    }
    int number =
        published.isPresent()
            ? published.get().number()
            : numbering.numberFor(windowEnd, store.numbers());
    Instant now = Instant.now();
    var layout = IssueLayout.of(settings, number, window.start(), window.end(), chosen);
    var ids = chosen.stream().map(ArticleDocument::id).toList();
    int revision = published.map(p -> p.revision() + 1).orElse(1);
    var revisions = new ArrayList<>(published.map(WeeklyIssue::revisions).orElse(List.of()));
    revisions.add(new WeeklyIssue.Revision(revision, now, ids));
    var issue =
        new WeeklyIssue(
            windowEnd.toString(),
            number,
            layout.numberText(),
            settings.title(),
            settings.organisation(),
            window.end(),
            window.start(),
            window.end(),
            ids,
            chosen.stream()
                .map(
                    a ->
                        new WeeklyIssue.IssueArticle(
                            a.id(), a.title(), a.source(), a.url(), a.publishedAt(), a.relevance()))
                .toList(),
            renderer.markdown(number, window.start(), window.end(), chosen),
            renderer.html(layout),
            revision,
            published.map(WeeklyIssue::firstPublishedAt).orElse(now),
            now,
            revisions);
    store.save(issue);
    var written = files.write(outputDir, issue, layout);
    LOG.info(
        "materialized issue {} revision {} ({}..{}) with {} articles: {}",
        number,
        revision,
        window.start(),
        window.end(),
        chosen.size(),
        written.files().values());
    written.notes().forEach(note -> LOG.warn("issue {}: {}", number, note));
    return new Result(issue, store.index(), written);
  }

  /** Window end dates of the weeks that have relevant primary articles, oldest first. */
  public List<LocalDate> windowsWithCandidates() throws IOException {
    return candidates.windows();
  }

  /** What the week's issue would hold now, with the editor's stored choices. */
  public List<ArticleDocument> selection(LocalDate windowEnd) throws IOException {
    return selection(windowEnd, overrides.choices(windowEnd));
  }

  /** The same, with the week's choices already read (the editors' page shows them too). */
  public List<ArticleDocument> selection(LocalDate windowEnd, EditorOverrides.Choices choices)
      throws IOException {
    return selection.choose(
        candidates.byIds(choices.pinned()),
        candidates.ranked(windowEnd, selection.candidatesNeeded(choices)),
        choices);
  }
}
