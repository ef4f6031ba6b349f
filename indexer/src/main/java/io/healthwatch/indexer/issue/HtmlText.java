package io.healthwatch.indexer.issue;

import java.util.Locale;

/** Text from crawled pages made safe for HTML: no markup from a page ever reaches a reader. */
public final class HtmlText {
  private HtmlText() {}

  /** HTML text and attribute values: the five characters that can start markup or end a value. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    var out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** An http(s) address as a link, anything else (javascript:, data:) as text. */
  public static String link(String url) {
    if (url == null) {
      return "";
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
    }
    return escape(url);
  }
}
