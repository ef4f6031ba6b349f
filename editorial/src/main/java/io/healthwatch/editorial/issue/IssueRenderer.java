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

  public IssueRenderer(EditorialConfig.Issues settings) {
    this.settings = settings;
  }

  public String markdown(
      int number, LocalDate windowStart, LocalDate windowEnd, List<ArticleDocument> articles) {
    var md = new StringBuilder(16_384);
    md.append("# ")
        .append(settings.title())
        .append("\n\n")
        .append("## (第")
        .append(ChineseNumerals.digitByDigit(number))
        .append("期)\n\n")
        .append(settings.organisation())
        .append("\n\n")
        .append(chineseDate(windowEnd))
        .append("\n\n")
        .append("### 本期导语:\n\n")
        .append("本期周报共收集")
        .append(articles.size())
        .append("篇")
        .append(settings.subject())
        .append("，时间从")
        .append(chineseDate(windowStart))
        .append("到")
        .append(chineseDate(windowEnd))
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
   * The same issue as a standalone HTML page. Every text from a crawled page is escaped, so no
   * markup from a page reaches the reader; a link is a link only when it is http or https.
   */
  public String html(
      int number, LocalDate windowStart, LocalDate windowEnd, List<ArticleDocument> articles) {
    String numberText = "第" + ChineseNumerals.digitByDigit(number) + "期";
    var html = new StringBuilder(32_768);
    html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(HtmlText.escape(settings.title() + " " + numberText))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>")
        .append(HtmlText.escape(settings.title()))
        .append("</h1>\n<p class=\"number\">(")
        .append(numberText)
        .append(")</p>\n<p class=\"org\">")
        .append(HtmlText.escape(settings.organisation()))
        .append("</p>\n<p class=\"date\">")
        .append(chineseDate(windowEnd))
        .append("</p>\n</header>\n<section class=\"intro\">\n<h2>本期导语:</h2>\n<p>本期周报共收集")
        .append(articles.size())
        .append("篇")
        .append(HtmlText.escape(settings.subject()))
        .append("，时间从")
        .append(chineseDate(windowStart))
        .append("到")
        .append(chineseDate(windowEnd))
        .append("，")
        .append(HtmlText.escape(settings.scope()))
        .append("。</p>\n</section>\n<section class=\"contents\">\n<h2>一、信息目录</h2>\n<ol>\n");
    for (int i = 0; i < articles.size(); i++) {
      ArticleDocument a = articles.get(i);
      html.append("<li><a href=\"#article-")
          .append(i + 1)
          .append("\">")
          .append(HtmlText.escape(a.title()))
          .append("</a> <span class=\"source\">(")
          .append(HtmlText.escape(a.source()))
          .append(")</span></li>\n");
    }
    html.append("</ol>\n</section>\n<section class=\"articles\">\n<h2>二、具体内容</h2>\n");
    for (int i = 0; i < articles.size(); i++) {
      ArticleDocument a = articles.get(i);
      html.append("<article id=\"article-")
          .append(i + 1)
          .append("\">\n<h3>")
          .append(i + 1)
          .append(". 标题：")
          .append(HtmlText.escape(a.title()))
          .append("</h3>\n<p class=\"meta\">来源：")
          .append(HtmlText.escape(a.source()))
          .append("</p>\n<p class=\"meta\">链接：")
          .append(HtmlText.link(a.url()))
          .append("</p>\n<h4>主要内容：</h4>\n");
      for (String paragraph : a.body().split("\\n\\s*\\n|\\n")) {
        if (!paragraph.isBlank()) {
          html.append("<p>").append(HtmlText.escape(paragraph.strip())).append("</p>\n");
        }
      }
      html.append("</article>\n");
    }
    return html.append("</section>\n</main>\n</body>\n</html>\n").toString();
  }

  private static final String STYLE =
      """
      body { margin: 0; background: #f4f5f7; color: #1f2328;
        font: 16px/1.8 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
        sans-serif; }
      main { max-width: 860px; margin: 2rem auto; background: #fff; padding: 2.5rem 3rem;
        box-shadow: 0 1px 4px rgba(0,0,0,.08); }
      header { text-align: center; border-bottom: 2px solid #b22222; padding-bottom: 1rem; }
      h1 { color: #b22222; font-size: 1.8rem; margin: 0 0 .5rem; }
      .number { font-size: 1.2rem; margin: 0; }
      .org, .date { margin: .2rem 0; color: #555; }
      h2 { font-size: 1.25rem; border-left: 4px solid #b22222; padding-left: .6rem; margin-top: 2rem; }
      h3 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
      h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
      .meta { margin: .2rem 0; color: #444; word-break: break-all; }
      .contents li { margin: .3rem 0; }
      .source { color: #666; }
      article p { text-indent: 2em; margin: .6rem 0; }
      article p.meta { text-indent: 0; }
      a { color: #0b5cad; }
      """;

  static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
