package io.healthwatch.crawler.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final int FIRST_TEXT = 5;
  private static final int END_TEXT = 6;

  private static final Set<String> BLOCK_TAGS =
      Set.of("p", "pre", "td", "blockquote", "div", "section", "article", "font");

  private final Map<Element, int[]> stats = new IdentityHashMap<>();
  private final Map<Element, Boolean> excluded = new IdentityHashMap<>();
  private final Map<String, Boolean> unlikelyMarks = new HashMap<>();
  private final Map<String, Double> markWeights = new HashMap<>();
  private final Map<String, List<Element>> byClass = new HashMap<>();
  private final List<Element> blocks = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private final List<Element> blocksInFurniture = new ArrayList<>();

  NodeStats(Element root) {
    collect(root, false, false, false);
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

  /**
   * Elements that never hold article text, by tag or by class and id; remembered, as scoring and
   * rendering ask repeatedly, and the class and id words by their text, as pages repeat them.
   */
  boolean excluded(Element element) {
    Boolean known = excluded.get(element);
    if (known == null) {
      known = ArticleExtractor.isNeverContent(element) || unlikely(element);
      excluded.put(element, known);
    }
    return known;
  }

  private boolean unlikely(Element element) {
    String classes = element.attr("class");
    String id = element.attr("id");
    if (classes.isEmpty() && id.isEmpty()) {
      return false;
    }
    return unlikelyMarks.computeIfAbsent(classes + " " + id, MarkWords::isUnlikely);
  }

  /** {@link ContentScorer#markWeight} of a class, id or itemprop value, remembered by its text. */
  double markWeight(String marks) {
    if (marks.isEmpty()) {
      return 0;
    }
    Double weight = markWeights.get(marks);
    if (weight == null) {
      weight = ContentScorer.markWeight(marks);
      markWeights.put(marks, weight);
    }
    return weight;
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

  /**
   * The first two elements (in page order, neither inside the other) with the same tag and class
   * attribute as the given one; fewer when the page has fewer.
   */
  List<Element> firstAlike(Element element) {
    List<Element> alike = byClass.get(classKey(element));
    return alike == null ? List.of() : alike;
  }

  private static String classKey(Element element) {
    String classes = element.attr("class");
    return classes.isEmpty() ? null : element.normalName() + ' ' + classes;
  }

  private void index(Element element) {
    String key = classKey(element);
    if (key == null) {
      return;
    }
    List<Element> alike = byClass.computeIfAbsent(key, k -> new ArrayList<>(2));
    if (alike.isEmpty() || alike.size() == 1 && !element.parents().contains(alike.get(0))) {
      alike.add(element);
    }
  }

  /**
   * The visible elements that can hold paragraphs ({@code p}, {@code div}, {@code td}, ...) in page
   * order, noted during the same walk.
   */
  List<Element> blocks() {
    return blocks;
  }

  /** The same, inside an excluded element (a comment thread, a sidebar): tried last. */
  List<Element> blocksInFurniture() {
    return blocksInFurniture;
  }

  /**
   * The page's visible text nodes with letters in them, in page order, as written (not normalized);
   * an element's own lie from {@link #firstText} to {@link #endText}.
   */
  List<String> texts() {
    return texts;
  }

  int firstText(Element element) {
    return get(element, FIRST_TEXT);
  }

  int endText(Element element) {
    return get(element, END_TEXT);
  }

  private int[] collect(Element element, boolean inLink, boolean inFurniture, boolean inNoscript) {
    index(element);
    boolean furniture = inFurniture || excluded(element);
    boolean noscript = inNoscript || element.normalName().equals("noscript");
    if (BLOCK_TAGS.contains(element.normalName())) {
      (furniture ? blocksInFurniture : blocks).add(element);
    }
    boolean link = inLink || element.normalName().equals("a");
    int[] result = new int[7];
    result[FIRST_TEXT] = texts.size();
    // childNodes() copies the list; here and in every walk of this package children go by index.
    for (int i = 0, n = element.childNodeSize(); i < n; i++) {
      Node child = element.childNode(i);
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
        if (length > 0 && !noscript) {
          texts.add(text);
        }
      } else if (child instanceof Element childElement) {
        if (ArticleExtractor.isInvisible(childElement)) {
          continue;
        }
        int[] c = collect(childElement, link, furniture, noscript);
        result[TEXT] += c[TEXT];
        result[LINK] += c[LINK];
        result[PUNCT] += c[PUNCT];
      }
    }
    result[END_TEXT] = texts.size();
    stats.put(element, result);
    return result;
  }

  static int visibleLength(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!BlockText.isSpace(c)) {
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
