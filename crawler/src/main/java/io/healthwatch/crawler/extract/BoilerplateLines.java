package io.healthwatch.crawler.extract;

import io.healthwatch.crawler.date.DateParser;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lines inside an article's container that are page furniture on any site, not the article: the
 * widgets' words (share, comments, "back to gallery", 打印, 上一页), picture counters and credits, and
 * lines that only restate metadata the extractor reports on its own (来源, 责任编辑, a dateline). Only
 * short lines are judged: a sentence of prose is never furniture by its words alone. Every
 * paragraph of every page passes here, so the common case is a set lookup, not an expression.
 */
final class BoilerplateLines {
  /** Longer lines are prose, whatever words they hold. */
  private static final int SHORT = 60;

  /**
   * The words of widgets, as a whole line, lower-cased, digits as {@code #}, without surrounding
   * brackets and trailing punctuation.
   */
  private static final Set<String> WIDGETS =
      Set.of(
          "advert",
          "advertisement",
          "advertising",
          "ad",
          "sponsored",
          "caption",
          "close",
          "expand",
          "share",
          "share this",
          "share this article",
          "share this story",
          "shares",
          "print",
          "email",
          "e-mail",
          "email this",
          "comment",
          "comments",
          "# comment",
          "# comments",
          "leave a comment",
          "tell us what you think",
          "read more",
          "more",
          "see more",
          "tags",
          "related",
          "related articles",
          "related stories",
          "related posts",
          "related news",
          "you may also like",
          "don't miss",
          "dont miss",
          "recommended",
          "most read",
          "most popular",
          "most viewed",
          "subscribe",
          "sign up",
          "follow us",
          "back to gallery",
          "view gallery",
          "image # of #",
          "photo # of #",
          "slide # of #",
          "# of #",
          "like this",
          "like loading",
          "loading",
          "sharing is caring",
          "this slideshow requires javascript",
          "media playback is unsupported on your device",
          "javascript protected email address",
          "广告",
          "推广",
          "打印",
          "关闭",
          "关闭窗口",
          "打印本页",
          "分享",
          "分享到",
          "收藏",
          "评论",
          "发表评论",
          "我要评论",
          "相关阅读",
          "相关新闻",
          "相关报道",
          "相关链接",
          "延伸阅读",
          "推荐阅读",
          "返回顶部",
          "返回首页",
          "上一篇",
          "下一篇",
          "上一页",
          "下一页",
          "字号",
          "字号 大 中 小",
          "大 中 小",
          "扫一扫",
          "扫一扫在手机打开当前页",
          "点击查看大图",
          "查看原图",
          "热门词");

  /** Widget lines that go on with a name: "Share on Facebook", "Most read in World News". */
  private static final String[] WIDGET_PREFIXES = {
    "share on ", "most read in ", "most popular in ", "popular on ", "more from ", "filed under"
  };

  /** "(Image credit: X)", "Photo: X", "图片来源：X". */
  private static final Pattern CREDIT_LABEL =
      Pattern.compile("(?iu)^[(（]?(image|photo|picture|credit|credits|图片来源|图片|摄影|图)\\s*[：:].*");

  /** A caption's closing credit: "... (AP Photo/David Zalubowski)", "(Credit: Getty Images)". */
  private static final Pattern CREDIT_PARENTHESIS =
      Pattern.compile("(?i)[(（][^()（）]*\\b(photo|images?|credit)\\b[^()（）]*[)）]$");

  private static final String[] AGENCIES = {
    "getty images", "associated press", "reuters", "afp", "shutterstock"
  };

  /** A line that only restates the source, editor or author: 来源：新闻晨报, （责任编辑：魏喆）. */
  private static final Pattern METADATA =
      Pattern.compile("^[(（\\[【]?\\s*(来源|稿源|编辑|责任编辑|责编|作者|记者|通讯员|摄影)\\s*[：:].*");

  /** Pagination: "第1页/共1页", "<<上一页|下一页>>", "Page 2 of 5". */
  private static final Pattern PAGINATION =
      Pattern.compile("(?iu)第\\s*\\d+\\s*页.*共\\s*\\d+\\s*页|上一页.*下一页|^page \\d+ of \\d+$");

  /** What may stand with a date on a dateline: labels, weekday, month names, time, zone. */
  private static final Pattern DATELINE =
      Pattern.compile(
          "(?iu)(updated|published|posted|last|on|at|am|pm|a\\.m\\.|p\\.m\\.|edt|est|cst|pst|"
              + "utc|gmt|bst|cet|更新|发布|发表|时间|日期|星期.|周.|"
              + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
              + "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
              + "june|july|august|september|october|november|december|\\d+(st|nd|rd|th)?|"
              + "[\\s,.:：/|·-]|年|月|日|时|分|秒)+");

  private static final Pattern ENGLISH_DATE =
      Pattern.compile(
          "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}"
              + "(st|nd|rd|th)?,?\\s+(19|20)\\d{2}"
              + "|\\b\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+"
              + "(19|20)\\d{2}");

  private static final DateParser DATES = new DateParser(ZoneOffset.UTC);

  private BoilerplateLines() {}

  static boolean isBoilerplate(String line) {
    if (BlockText.visibleLongerThan(line, SHORT)) {
      return false;
    }
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return false;
    }
    String key = widgetKey(trimmed);
    if (WIDGETS.contains(key) || startsWithAny(key, WIDGET_PREFIXES)) {
      return true;
    }
    return isCredit(trimmed, key)
        || METADATA.matcher(trimmed).matches()
        || (trimmed.indexOf('页') >= 0 || key.startsWith("page "))
            && PAGINATION.matcher(trimmed).find()
        || isDateline(trimmed);
  }

  /** A line that is a date (with its time, labels and weekday) and nothing else. */
  static boolean isDateline(String line) {
    if (digits(line) < 4) {
      return false;
    }
    boolean hasDate = DATES.find(line).isPresent() || ENGLISH_DATE.matcher(line).find();
    return hasDate && DATELINE.matcher(line).matches();
  }

  private static boolean isCredit(String line, String key) {
    char first = line.charAt(0);
    char last = line.charAt(line.length() - 1);
    return first == '©'
        || CREDIT_LABEL.matcher(line).matches()
        || (last == ')' || last == '）') && CREDIT_PARENTHESIS.matcher(line).find()
        // As written, not as keyed: "... declined to comment to Reuters." is a sentence.
        || endsWithAny(line.toLowerCase(Locale.ROOT), AGENCIES);
  }

  /** Lower case, digits as '#', brackets and trailing punctuation gone, spaces single. */
  private static String widgetKey(String line) {
    var key = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= '0' && c <= '9') {
        if (key.length() == 0 || key.charAt(key.length() - 1) != '#') {
          key.append('#');
        }
      } else if ("[]【】()（）<>《》".indexOf(c) >= 0) {
        // brackets around a widget's word say nothing
      } else if (BlockText.isSpace(c)) {
        if (key.length() > 0 && key.charAt(key.length() - 1) != ' ') {
          key.append(' ');
        }
      } else {
        key.append(c);
      }
    }
    int end = key.length();
    while (end > 0 && " :：.…!！?？|/'’".indexOf(key.charAt(end - 1)) >= 0) {
      end--;
    }
    return key.substring(0, end).toLowerCase(Locale.ROOT).replace('’', '\'');
  }

  private static int digits(String line) {
    int count = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= '0' && c <= '9') {
        count++;
      }
    }
    return count;
  }

  private static boolean startsWithAny(String key, String[] prefixes) {
    for (String prefix : prefixes) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(String key, String[] suffixes) {
    for (String suffix : suffixes) {
      if (key.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
