package io.healthwatch.crawler.extract;

import java.util.Locale;

/**
 * The words in class and id attributes that say what an element is, matched with plain string
 * search: these are asked of every element of every page, and a regular-expression alternation of
 * forty words costs more there than parsing the page.
 */
final class MarkWords {
  /** Content words, anywhere in the value: "article-body", "TRS_Editor", "zw" (正文). */
  private static final String[] CONTENT = {
    "article",
    "body",
    "content",
    "entry",
    "main",
    "page",
    "post",
    "text",
    "story",
    "detail",
    "zw",
    "trs_editor",
    "con_",
    "ozoom",
    "news_txt",
    "artical",
    "neirong"
  };

  /** Furniture words, anywhere in the value; "ad" only as a word of its own. */
  private static final String[] FURNITURE = {
    "comment",
    "footer",
    "footnote",
    "masthead",
    "meta",
    "outbrain",
    "promo",
    "related",
    "recommend",
    "scroll",
    "share",
    "shopping",
    "sidebar",
    "sponsor",
    "tags",
    "tool",
    "widget",
    "subscribe",
    "newsletter",
    "login",
    "breadcrumb",
    "crumb",
    "pagination",
    "pager",
    "hot",
    "rank",
    "banner",
    "menu",
    "nav",
    "copyright",
    "advert",
    "ads",
    "editor",
    "keyword",
    "xgxw",
    "xgwz"
  };

  /** Words that exclude an element outright, as whole words between space, "_" or "-". */
  private static final String[] UNLIKELY = {
    "nav", "navbar", "menu", "topbar", "footer", "foot", "share", "share-bar", "bottom-share",
    "related", "recommend", "comment", "comments", "crumb", "breadcrumb", "sidebar", "aside", "ad",
    "ads", "advert", "copyright", "pages", "pagination", "hot", "rank", "banmian", "editor",
    "author", "left_name", "adincontent", "social", "subscribe", "login", "popup", "modal",
        "cookie",
    "newsletter", "byline", "dateline", "caption-credit"
  };

  private MarkWords() {}

  static boolean isContent(String marks) {
    return containsAny(lower(marks), CONTENT);
  }

  static boolean isFurniture(String marks) {
    String lower = lower(marks);
    return containsAny(lower, FURNITURE) || containsWord(lower, "ad", MarkWords::isWordChar);
  }

  /** Furniture words that exclude an element, unless a content word is there too (Readability). */
  static boolean isUnlikely(String marks) {
    String lower = lower(marks);
    for (String word : UNLIKELY) {
      if (containsWord(lower, word, MarkWords::isSeparated)) {
        return !containsAny(lower, CONTENT);
      }
    }
    return false;
  }

  private static String lower(String marks) {
    return marks.toLowerCase(Locale.ROOT);
  }

  private static boolean containsAny(String lower, String[] words) {
    for (String word : words) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private interface CharTest {
    boolean joins(char c);
  }

  /** Whether {@code word} occurs with no joining character ({@code joins}) on either side. */
  private static boolean containsWord(String lower, String word, CharTest joins) {
    for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      int end = at + word.length();
      boolean startOk = at == 0 || !joins.joins(lower.charAt(at - 1));
      boolean endOk = end == lower.length() || !joins.joins(lower.charAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  /** A letter, digit or underscore: what continues a word in a regular expression's {@code \b}. */
  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Anything but whitespace, "_" and "-" continues a class-name word. */
  private static boolean isSeparated(char c) {
    return !(Character.isWhitespace(c) || c == '_' || c == '-');
  }
}
