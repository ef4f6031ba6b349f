package io.healthwatch.crawler.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Text and link-text lengths of every element of a page, computed in one pass so scoring never
 * walks a subtree twice. Whitespace does not count.
 */
final class NodeStats {
  private final Map<Element, int[]> stats = new IdentityHashMap<>();

  NodeStats(Element root) {
    collect(root, false);
  }

  /** Letters, digits and punctuation in the element's subtree. */
  int text(Element element) {
    int[] s = stats.get(element);
    return s == null ? 0 : s[0];
  }

  /** The share of the element's text that sits inside links. */
  double linkDensity(Element element) {
    int[] s = stats.get(element);
    return s == null || s[0] == 0 ? 0 : (double) s[1] / s[0];
  }

  private int[] collect(Element element, boolean inLink) {
    boolean link = inLink || element.normalName().equals("a");
    int text = 0;
    int linkText = 0;
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode textNode) {
        int length = visibleLength(textNode.getWholeText());
        text += length;
        if (link) {
          linkText += length;
        }
      } else if (child instanceof Element childElement) {
        if (ArticleExtractor.isInvisible(childElement)) {
          continue;
        }
        int[] c = collect(childElement, link);
        text += c[0];
        linkText += c[1];
      }
    }
    int[] result = {text, linkText};
    stats.put(element, result);
    return result;
  }

  static int visibleLength(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u3000') {
        length++;
      }
    }
    return length;
  }
}
