package io.healthwatch.cli;

import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.editorial.EditorialMain;
import io.healthwatch.editorial.issue.EditorOverrides;
import io.healthwatch.editorial.issue.IssueMaterializer;
import io.healthwatch.indexer.OpenSearchClients;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./healthwatch issue --window-end 2024-05-17}: materializes (or re-materializes) a week.
 */
@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    description = {
      "Materialize (or update) the weekly issue of one week.",
      "--pin and --exclude store an editor's choice for the week; every later materialization"
          + " keeps it until --clear."
    })
final class IssueCommand implements Callable<Integer> {
  @Option(
      names = "--window-end",
      required = true,
      paramLabel = "DATE",
      description = "last day of the week (a Friday for Saturday-to-Friday weeks), e.g. 2024-05-17")
  LocalDate windowEnd;

  @Option(
      names = "--pin",
      paramLabel = "ARTICLE",
      description = "keep this article in the week's issue whatever its relevance (id or link)")
  List<String> pin = List.of();

  @Option(
      names = "--exclude",
      paramLabel = "ARTICLE",
      description = "keep this article out of the week's issue (id or link)")
  List<String> exclude = List.of();

  @Option(
      names = "--clear",
      paramLabel = "ARTICLE",
      description = "forget the editor's choice about this article (id or link)")
  List<String> clear = List.of();

  @Option(names = "--note", paramLabel = "TEXT", description = "why (stored with --pin/--exclude)")
  String note;

  @Mixin EditorialOptions editorial;

  @Override
  public Integer call() throws Exception {
    var settings = editorial.settings();
    // A date that ends no week of the calendar is refused before any choice is stored.
    settings.calendar().windowEndingOn(windowEnd);
    var client = OpenSearchClients.create(settings.opensearch());
    EditorialMain.ensureIndices(client, settings);
    // The editor's choices are stored first: this and every later materialization applies them.
    var overrides = new EditorOverrides(client, settings.namespace());
    for (String article : pin) {
      overrides.set(windowEnd, articleId(article), EditorOverrides.Action.PIN, note);
    }
    for (String article : exclude) {
      overrides.set(windowEnd, articleId(article), EditorOverrides.Action.EXCLUDE, note);
    }
    for (String article : clear) {
      if (!overrides.clear(windowEnd, articleId(article))) {
        System.out.println("no choice to clear for " + article);
      }
    }
    var result =
        new IssueMaterializer(client, settings.namespace(), settings.issues(), settings.calendar())
            .materialize(windowEnd, settings.outputDir());
    System.out.printf(
        "issue %d (%s) %s..%s, revision %d, %d articles%n  index %s, id %s%n",
        result.issue().number(),
        result.issue().numberText(),
        result.issue().windowStart(),
        result.issue().windowEnd(),
        result.issue().revision(),
        result.issue().articles().size(),
        result.index(),
        result.issue().id());
    result.files().lines().forEach(line -> System.out.println("  " + line));
    // The stored choices, so the editor sees what every later run will keep applying.
    for (var choice : overrides.list(windowEnd)) {
      System.out.printf(
          "  editor: %s %s%s%n",
          choice.action() == EditorOverrides.Action.PIN ? "pinned  " : "excluded",
          choice.articleId(),
          choice.note() == null ? "" : " (" + choice.note() + ")");
    }
    // Listed with their links: --pin, --exclude and --clear take them.
    for (var article : result.issue().articles()) {
      System.out.printf("  %s  %s%n      %s%n", article.source(), article.title(), article.url());
    }
    return 0;
  }

  /** An article id as given, or the id of a canonical link. */
  private static String articleId(String article) {
    String trimmed = article.strip();
    if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
      return ArticleIds.forCanonicalUrl(trimmed);
    }
    if (!trimmed.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "'" + article + "' is neither an article id (64 hex digits) nor a link");
    }
    return trimmed;
  }
}
