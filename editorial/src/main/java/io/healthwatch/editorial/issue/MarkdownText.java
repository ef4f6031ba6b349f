package io.healthwatch.editorial.issue;

/**
 * Escapes crawled text for Markdown, so an article cannot inject headings, links, HTML or emphasis
 * into an issue.
 */
final class MarkdownText {
  private MarkdownText() {}

  static String escape(String text) {
    var out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|' -> out.append('\\').append(c);
        case '#', '-', '+', '=' -> out.append(lineStart ? "\\" : "").append(c);
        default -> out.append(c);
      }
      lineStart = c == '\n' || lineStart && c == ' ';
    }
    return out.toString();
  }
}
