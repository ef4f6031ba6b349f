package io.healthwatch.editorial.issue;

import io.healthwatch.indexer.bulk.ArticleDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which articles a week's issue holds: the editor's pins first (whatever their relevance), then the
 * most relevant candidates not excluded, up to the issue's size (more when more are pinned); listed
 * in the order they were published. Pure: the callers read the index.
 */
public final class IssueSelection {
  private final int articles;

  /**
   * @param articles how many articles an issue holds unless more are pinned
   */
  public IssueSelection(int articles) {
    this.articles = articles;
  }

  /**
   * How many ranked candidates to fetch so that exclusions and pins cannot leave the issue short.
   */
  public int candidatesNeeded(EditorOverrides.Choices choices) {
    return articles + choices.excluded().size() + choices.pinned().size();
  }

  /**
   * @param pinned the pinned articles found in the index
   * @param ranked the week's candidates, most relevant first
   */
  public List<ArticleDocument> choose(
      List<ArticleDocument> pinned, List<ArticleDocument> ranked, EditorOverrides.Choices choices) {
    var chosen = new ArrayList<ArticleDocument>(pinned);
    int size = Math.max(articles, choices.pinned().size());
    for (ArticleDocument article : ranked) {
      if (chosen.size() >= size) {
        break;
      }
      if (!choices.excluded().contains(article.id()) && !choices.pinned().contains(article.id())) {
        chosen.add(article);
      }
    }
    chosen.sort(Comparator.comparing(ArticleDocument::publishedAt));
    return chosen;
  }
}
