package io.healthwatch.editorial.issue;

import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an issue says, in the seed reports' parts, before any format: the template, the DOCX and the
 * checks read these names. Texts are as crawled; each format escapes them its own way.
 *
 * @param dateText the issue's date as the reports write it (2024年5月17日)
 */
public record IssueLayout(
    String title,
    String numberText,
    String organisation,
    String dateText,
    int count,
    String subject,
    String windowStartText,
    String windowEndText,
    String scope,
    List<Article> articles) {

  /**
   * @param position 1, 2, ... in issue order
   * @param webLink whether the address may be a link (http or https only)
   * @param paragraphs the body's paragraphs, blank ones dropped
   */
  public record Article(
      int position,
      String title,
      String source,
      String url,
      boolean webLink,
      List<String> paragraphs) {}

  public static IssueLayout of(
      EditorialConfig.Issues settings,
      int number,
      LocalDate windowStart,
      LocalDate windowEnd,
      List<ArticleDocument> chosen) {
    var articles = new ArrayList<Article>(chosen.size());
    for (int i = 0; i < chosen.size(); i++) {
      ArticleDocument a = chosen.get(i);
      var paragraphs = new ArrayList<String>();
      for (String paragraph : (a.body() == null ? "" : a.body()).split("\\n\\s*\\n|\\n")) {
        if (!paragraph.isBlank()) {
          paragraphs.add(paragraph.strip());
        }
      }
      String url = a.url() == null ? "" : a.url();
      String lower = url.toLowerCase(Locale.ROOT);
      articles.add(
          new Article(
              i + 1,
              a.title(),
              a.source(),
              url,
              lower.startsWith("http://") || lower.startsWith("https://"),
              List.copyOf(paragraphs)));
    }
    return new IssueLayout(
        settings.title(),
        numberText(number),
        settings.organisation(),
        chineseDate(windowEnd),
        chosen.size(),
        settings.subject(),
        chineseDate(windowStart),
        chineseDate(windowEnd),
        settings.scope(),
        List.copyOf(articles));
  }

  /** 第五七五期: the number digit by digit, as the reports write it. */
  public static String numberText(int number) {
    return "第" + ChineseNumerals.digitByDigit(number) + "期";
  }

  static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
