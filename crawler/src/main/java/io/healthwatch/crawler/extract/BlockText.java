package io.healthwatch.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Renders content elements to paragraphs: block elements and line breaks end a paragraph, inline
 * text joins; furniture inside the content (link lists, share bars, hidden parts) is left out.
 */
final class BlockText {
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "tr",
          "table",
          "blockquote",
          "pre",
          "section",
          "article",
          "figure",
          "figcaption",
          "hr",
          "center",
          "td",
          "th",
          "header",
          "footer",
          "main");

  /** Lines that are page furniture in any article: ad markers, caption buttons, photo credits. */
  private static final java.util.regex.Pattern FURNITURE =
      java.util.regex.Pattern.compile(
          "(?i)(advertisement|advertising|ad|caption|close|expand|广告|推广|(photo|image|credit)s?:.{0,60})");

  /** An English or Chinese byline line: the author is metadata, not body text. */
  private static final java.util.regex.Pattern BYLINE =
      java.util.regex.Pattern.compile("(?i)^(by|written by)\\s+[\\p{L}.'’ -]{2,60}$");

  /** Shorter lines that are mostly link text are navigation, not prose. */
  private static final int SHORT_LINE = 80;

  private final NodeStats stats;
  private final List<String> paragraphs = new ArrayList<>();
  private StringBuilder current = new StringBuilder();
  private int currentLinkChars;
  private int linkDepth;

  private BlockText(NodeStats stats) {
    this.stats = stats;
  }

  static List<String> paragraphs(List<Element> content, NodeStats stats) {
    var renderer = new BlockText(stats);
    for (Element element : content) {
      renderer.render(element);
      renderer.endParagraph();
    }
    return renderer.paragraphs;
  }

  private void render(Node node) {
    if (node instanceof TextNode text) {
      current.append(text.getWholeText());
      if (linkDepth > 0) {
        currentLinkChars += NodeStats.visibleLength(text.getWholeText());
      }
      return;
    }
    if (!(node instanceof Element element) || skip(element)) {
      return;
    }
    boolean block = BLOCKS.contains(element.normalName());
    boolean link = element.normalName().equals("a");
    if (block) {
      endParagraph();
    }
    if (link) {
      linkDepth++;
    }
    for (int i = 0, n = element.childNodeSize(); i < n; i++) {
      Node child = element.childNode(i);
      render(child);
    }
    if (link) {
      linkDepth--;
    }
    if (block) {
      endParagraph();
    }
  }

  private boolean skip(Element element) {
    if (stats.excluded(element) || ArticleExtractor.isInvisible(element)) {
      return true;
    }
    String name = element.normalName();
    boolean list =
        name.equals("ul") || name.equals("ol") || name.equals("table") || name.equals("div");
    // Lists of links (related articles, navigation) inside the content are not part of the text.
    if (list && stats.linkDensity(element) > 0.5 && stats.text(element) > 0) {
      return true;
    }
    // A heading or item that is only a link is a teaser for another article.
    boolean teaser = name.equals("li") || name.length() == 2 && name.charAt(0) == 'h';
    return teaser && stats.linkDensity(element) > 0.8;
  }

  private void endParagraph() {
    String text = normalize(current);
    if (!text.isEmpty() && !isFurniture(text)) {
      paragraphs.add(text);
    }
    current.setLength(0);
    currentLinkChars = 0;
  }

  private boolean isFurniture(String text) {
    int length = NodeStats.visibleLength(text);
    boolean linky = length < SHORT_LINE && currentLinkChars * 2 > length;
    return linky
        || FURNITURE.matcher(text).matches()
        || BYLINE.matcher(text).matches()
        || BoilerplateLines.isBoilerplate(text);
  }

  static String normalize(CharSequence text) {
    if (isNormal(text)) {
      // Most text nodes already are: no copy.
      return text.toString();
    }
    var out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whitespace, no-break space or the ideographic space; CJK text is tested with one compare. */
  static boolean isSpace(char c) {
    if (c > '\u3000') {
      return false;
    }
    return c == ' ' || c == '\u00a0' || c == '\u3000' || Character.isWhitespace(c);
  }

  /** No leading, trailing or repeated spaces, and every space a plain one. */
  private static boolean isNormal(CharSequence text) {
    int length = text.length();
    if (length == 0) {
      return true;
    }
    if (isSpace(text.charAt(0)) || isSpace(text.charAt(length - 1))) {
      return false;
    }
    boolean previousSpace = false;
    for (int i = 1; i < length - 1; i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (c != ' ' || previousSpace) {
          return false;
        }
        previousSpace = true;
      } else {
        previousSpace = false;
      }
    }
    return true;
  }

  /** Whether the text has more than {@code limit} non-space characters; stops counting there. */
  static boolean visibleLongerThan(CharSequence text, int limit) {
    if (text.length() <= limit) {
      return false;
    }
    int visible = 0;
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i)) && ++visible > limit) {
        return true;
      }
    }
    return false;
  }
}
