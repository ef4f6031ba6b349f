package io.healthwatch.editorial.issue;

import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.time.LocalDate;
import java.util.List;

/**
 * Renders an issue in Markdown in the reports' structure: title, issue number, organisation and
 * date, 本期导语 with the count and window, 一、信息目录 (titles with sources), 二、具体内容 (per article 标题, 来源,
 * 链接, 主要内容 with the full text).
 */
public final class IssueRenderer {
  private final EditorialConfig.Issues settings;

  private final IssueTemplate template;

  public IssueRenderer(EditorialConfig.Issues settings) {
    this.settings = settings;
    this.template =
        new IssueTemplate(
            settings.template().isEmpty() ? null : java.nio.file.Path.of(settings.template()));
  }

  public String markdown(
      int number, LocalDate windowStart, LocalDate windowEnd, List<ArticleDocument> articles) {
    var md = new StringBuilder(16_384);
    md.append("# ")
        .append(settings.title())
        .append("\n\n")
        .append("## (")
        .append(IssueLayout.numberText(number))
        .append(")\n\n")
        .append(settings.organisation())
        .append("\n\n")
        .append(IssueLayout.chineseDate(windowEnd))
        .append("\n\n")
        .append("### 本期导语:\n\n")
        .append("本期周报共收集")
        .append(articles.size())
        .append("篇")
        .append(settings.subject())
        .append("，时间从")
        .append(IssueLayout.chineseDate(windowStart))
        .append("到")
        .append(IssueLayout.chineseDate(windowEnd))
        .append("，")
        .append(settings.scope())
        .append("。\n\n")
        .append("### 一、信息目录\n\n");
    for (int i = 0; i < articles.size(); i++) {
      ArticleDocument a = articles.get(i);
      md.append("#### ")
          .append(i + 1)
          .append(". ")
          .append(MarkdownText.escape(a.title()))
          .append("\n\n")
          .append("(")
          .append(MarkdownText.escape(a.source()))
          .append(")\n\n");
    }
    md.append("### 二、具体内容\n\n");
    for (int i = 0; i < articles.size(); i++) {
      ArticleDocument a = articles.get(i);
      md.append("#### ")
          .append(i + 1)
          .append(". 标题：")
          .append(MarkdownText.escape(a.title()))
          .append("\n\n")
          .append("来源：")
          .append(MarkdownText.escape(a.source()))
          .append("\n\n")
          .append("链接：\n\n<")
          .append(a.url().replace(">", "%3E").replace(" ", "%20"))
          .append(">\n\n")
          .append("主要内容：\n\n")
          .append(MarkdownText.escape(a.body()))
          .append("\n\n");
    }
    return md.toString();
  }

  /**
   * The same issue as a standalone HTML page, from the template. Every text from a crawled page is
   * escaped, so no markup from a page reaches the reader; a link is a link only when it is http or
   * https.
   */
  public String html(
      int number, LocalDate windowStart, LocalDate windowEnd, List<ArticleDocument> articles) {
    return template.render(IssueLayout.of(settings, number, windowStart, windowEnd, articles));
  }

  /** The HTML of a layout already made. */
  public String html(IssueLayout layout) {
    return template.render(layout);
  }
}
