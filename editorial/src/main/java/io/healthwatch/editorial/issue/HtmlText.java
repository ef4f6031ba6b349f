package io.healthwatch.editorial.issue;

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
    return link(url, url);
  }

  /** A link with its own text when the address is http(s); else only the text, escaped. */
  public static String link(String url, String text) {
    return isWebAddress(url)
        ? "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>"
        : escape(text);
  }

  /** Only these may be links: a crawled javascript: or data: address must not run. */
  private static boolean isWebAddress(String url) {
    if (url == null) {
      return false;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
