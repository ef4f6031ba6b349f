package io.healthwatch.crawler.extract;

import java.util.regex.Pattern;

/**
 * Lines inside an article's container that are page furniture on any site, not the article: the
 * widgets' words (share, comments, "back to gallery", 打印, 上一页), picture counters and credits, and
 * lines that only restate metadata the extractor reports on its own (来源, 责任编辑, a dateline). Only
 * short lines are judged: a sentence of prose is never furniture by its words alone.
 */
final class BoilerplateLines {
  /** Longer lines are prose, whatever words they hold. */
  private static final int SHORT = 60;

  /** The words of widgets, whole line, in the languages the crawler reads most. */
  private static final Pattern WIDGET =
      Pattern.compile(
          "(?iu)[\\[【(（]?("
              + "advert|advertisement|advertising|ad|sponsored|广告|推广|caption|close|expand|"
              + "share|share this( article| story)?|shares|share on \\w+|print|email|e-?mail this|"
              + "comments?|\\d+ comments?|leave a comment|tell us what you think|read more|"
              + "more|see more|tags|related|related (articles|stories|posts|news)|you may also like|"
              + "don'?t miss|recommended|most (read|popular|viewed)( in [\\w ]{1,30})?|"
              + "popular on [\\w ]{1,30}|more [\\w ]{0,30} stories|subscribe|sign up|follow us|"
              + "back to gallery|view gallery|(image|photo|slide) \\d+ of \\d+|\\d+ of \\d+|"
              + "like this|like loading|loading|sharing is caring|"
              + "this slideshow requires javascript|media playback is unsupported on your device|"
              + "\\[?javascript protected email address\\]?|"
              + "打印|关闭|关闭窗口|打印本页|分享|分享到|收藏|评论|发表评论|我要评论|相关阅读|相关新闻|"
              + "相关报道|相关链接|延伸阅读|推荐阅读|返回顶部|返回首页|上一篇|下一篇|上一页|下一页|"
              + "字号|大|中|小|扫一扫|扫一扫在手机打开当前页|点击查看大图|查看原图|热门词"
              + ")[\\]】)）]?[\\s:：.…!！?？|/]*");

  /**
   * Picture credits: "(Image credit: X)", "Photo: X", "(AP Photo/X)", "X | Getty Images", "© X".
   */
  private static final Pattern CREDIT =
      Pattern.compile(
          "(?iu)^[(（]?(image|photo|picture|credit|credits|source|图片来源|图片|摄影|图)[：:].*"
              + "|.*[(（][^()（）]*\\b(photo|images?|credit)\\b[^()（）]*[)）]$"
              + "|.*\\b(getty images|associated press|reuters|afp|shutterstock)$"
              + "|^©.*");

  /** A line that only restates the source, editor or author: 来源：新闻晨报, （责任编辑：魏喆）. */
  private static final Pattern METADATA =
      Pattern.compile("^[(（\\[【]?\\s*(来源|稿源|编辑|责任编辑|责编|作者|记者|通讯员|摄影)\\s*[：:].*");

  /** Pagination: "第1页/共1页", "<<上一页|下一页>>", "Page 2 of 5". */
  private static final Pattern PAGINATION =
      Pattern.compile("(?iu).*(第\\s*\\d+\\s*页.*共\\s*\\d+\\s*页|上一页.*下一页|^page \\d+ of \\d+$).*");

  /** What may stand with a date on a dateline: labels, weekday, time, zone. */
  private static final Pattern DATELINE_REST =
      Pattern.compile(
          "(?iu)(updated|published|posted|last updated|on|at|am|pm|a\\.m\\.|p\\.m\\.|edt|est|"
              + "utc|gmt|bst|cet|更新|发布|发表|时间|日期|星期.|周.|"
              + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
              + "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
              + "june|july|august|september|october|november|december|\\d+(st|nd|rd|th)?|"
              + "[\\s,.:：/|·-]|年|月|日|时|分|秒)+");

  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "(?iu).*\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}"
              + "(st|nd|rd|th)?,?\\s+(19|20)\\d{2}.*"
              + "|.*\\b\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(19|20)\\d{2}.*");

  private static final ChineseDateParser DATES = new ChineseDateParser(java.time.ZoneOffset.UTC);

  private BoilerplateLines() {}

  static boolean isBoilerplate(String line) {
    if (NodeStats.visibleLength(line) > SHORT) {
      return false;
    }
    String trimmed = line.strip();
    return WIDGET.matcher(trimmed).matches()
        || CREDIT.matcher(trimmed).matches()
        || METADATA.matcher(trimmed).matches()
        || PAGINATION.matcher(trimmed).matches()
        || isDateline(trimmed);
  }

  /** A line that is a date (with its time, labels and weekday) and nothing else. */
  static boolean isDateline(String line) {
    boolean hasDate = MONTH_DAY_YEAR.matcher(line).matches() || DATES.find(line).isPresent();
    return hasDate && DATELINE_REST.matcher(line).matches();
  }
}
