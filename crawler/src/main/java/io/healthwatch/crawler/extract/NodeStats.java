package io.healthwatch.crawler.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Text, link-text and punctuation counts of every element of a page, over its subtree and over its
 * own text nodes, computed in one pass so scoring never walks a subtree twice. Whitespace does not
 * count.
 */
final class NodeStats {
  private static final int TEXT = 0;
  private static final int LINK = 1;
  private static final int PUNCT = 2;
  private static final int OWN_TEXT = 3;
  private static final int OWN_PUNCT = 4;

  private final Map<Element, int[]> stats = new IdentityHashMap<>();
  private final Map<Element, Boolean> excluded = new IdentityHashMap<>();

  NodeStats(Element root) {
    collect(root, false);
  }

  /** Letters, digits and punctuation in the element's subtree. */
  int text(Element element) {
    return get(element, TEXT);
  }

  /** The same, in the element's own text nodes only (text split by {@code <br>}). */
  int ownText(Element element) {
    return get(element, OWN_TEXT);
  }

  /** Commas and full stops (Latin and Chinese) in the subtree or in the own text. */
  int punctuation(Element element, boolean own) {
    return get(element, own ? OWN_PUNCT : PUNCT);
  }

  /** {@link ArticleExtractor#isExcluded}, remembered: scoring and rendering ask it repeatedly. */
  boolean excluded(Element element) {
    return excluded.computeIfAbsent(element, ArticleExtractor::isExcluded);
  }

  /** The share of the element's text that sits inside links. */
  double linkDensity(Element element) {
    int text = get(element, TEXT);
    return text == 0 ? 0 : (double) get(element, LINK) / text;
  }

  private int get(Element element, int field) {
    int[] s = stats.get(element);
    return s == null ? 0 : s[field];
  }

  private int[] collect(Element element, boolean inLink) {
    boolean link = inLink || element.normalName().equals("a");
    int[] result = new int[5];
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode textNode) {
        String text = textNode.getWholeText();
        int length = visibleLength(text);
        int punct = punctuation(text);
        result[TEXT] += length;
        result[OWN_TEXT] += length;
        result[PUNCT] += punct;
        result[OWN_PUNCT] += punct;
        if (link) {
          result[LINK] += length;
        }
      } else if (child instanceof Element childElement) {
        if (ArticleExtractor.isInvisible(childElement)) {
          continue;
        }
        int[] c = collect(childElement, link);
        result[TEXT] += c[TEXT];
        result[LINK] += c[LINK];
        result[PUNCT] += c[PUNCT];
      }
    }
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

  private static int punctuation(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '。' || c == '、' || c == '；' || c == ';') {
        count++;
      }
    }
    return count;
  }
}
