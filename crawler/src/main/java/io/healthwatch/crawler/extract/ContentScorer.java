package io.healthwatch.crawler.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the elements that hold an article's text, with no per-site rules: every paragraph-like
 * block votes for its parent (and, less, its grandparent) by its length and punctuation; class and
 * id words that mean "content" or "furniture" weigh in; link-heavy candidates lose; the best
 * candidate is taken with those of its siblings that look like more of the same text.
 */
final class ContentScorer {
  private static final int MIN_PARAGRAPH = 20;

  /** Less text than this outside furniture, and the furniture is searched too. */
  private static final int MIN_ARTICLE = 500;

  private ContentScorer() {}

  /** Candidate blocks of text and their score, plus the chosen content elements in page order. */
  static List<Element> contentOf(Element body, NodeStats stats) {
    List<Element> content = contentOf(body, stats, stats.blocks());
    // Most pages are not retried: only whether the article is long enough is asked here.
    if (stats.blocksInFurniture().isEmpty()) {
      return content;
    }
    int found = paragraphText(content, stats.blocks(), stats, MIN_ARTICLE);
    if (found >= MIN_ARTICLE) {
      return content;
    }
    // As Readability retries without stripping: a page may keep its text where furniture usually
    // is (a theme's "penci_sidebar" layout around the article, a forum thread in "comments").
    var all = new ArrayList<>(stats.blocks());
    all.addAll(stats.blocksInFurniture());
    List<Element> retried = contentOf(body, stats, all);
    return paragraphText(retried, all, stats, found + 1) > found ? retried : content;
  }

  /**
   * The length of the paragraphs among {@code blocks} that lie in the content, counted until it
   * reaches {@code enough}.
   */
  private static int paragraphText(
      List<Element> content, List<Element> blocks, NodeStats stats, int enough) {
    if (content.isEmpty()) {
      return 0;
    }
    Set<Element> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
    chosen.addAll(content);
    int length = 0;
    for (Element block : blocks) {
      if (!stats.excluded(block) && isParagraph(block, stats) && isWithin(block, chosen)) {
        length += isTextBlock(block) ? stats.text(block) : stats.ownText(block);
        if (length >= enough) {
          return length;
        }
      }
    }
    return length;
  }

  private static boolean isWithin(Element element, Set<Element> ancestors) {
    for (Element e = element; e != null; e = e.parent()) {
      if (ancestors.contains(e)) {
        return true;
      }
    }
    return false;
  }

  private static List<Element> contentOf(Element body, NodeStats stats, List<Element> blocks) {
    // Insertion (page) order, so that ties go to the earlier element on every run.
    Map<Element, Double> scores = new LinkedHashMap<>();
    for (Element block : blocks) {
      if (stats.excluded(block) || !isParagraph(block, stats)) {
        continue;
      }
      boolean whole = isTextBlock(block);
      int length = whole ? stats.text(block) : stats.ownText(block);
      double score = 1 + stats.punctuation(block, !whole) + Math.min(length / 100, 3);
      if (!whole) {
        // A container with text of its own (lines split by <br>) is itself a candidate.
        vote(scores, block, score, stats);
      }
      Element parent = outerParent(block);
      for (int level = 0; parent != null && level < 3; level++, parent = outerParent(parent)) {
        if (parent.normalName().equals("html")) {
          break;
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        vote(scores, parent, score / divider, stats);
      }
    }
    Element top = null;
    double topScore = 0;
    for (var entry : scores.entrySet()) {
      double finalScore = entry.getValue() * (1 - stats.linkDensity(entry.getKey()));
      entry.setValue(finalScore);
      if (finalScore > topScore) {
        topScore = finalScore;
        top = entry.getKey();
      }
    }
    if (top == null) {
      return List.of();
    }
    Element entry = PostListing.firstEntryFor(top, body, stats);
    if (entry != top) {
      return List.of(entry);
    }
    return withSiblings(top, topScore, scores, stats);
  }

  /** Adds a vote; an element's own weight (tag, class and id) is counted once, on its first. */
  private static void vote(
      Map<Element, Double> scores, Element element, double score, NodeStats stats) {
    Double current = scores.get(element);
    scores.put(element, (current == null ? initial(element, stats) : current) + score);
  }

  /**
   * The parent, looking through wrappers with a single child: pages that put each paragraph in its
   * own {@code <div>} then still gather their paragraphs under one ancestor, as Readability does by
   * unwrapping such divs.
   */
  private static Element outerParent(Element element) {
    Element parent = element.parent();
    while (parent != null
        && parent.childrenSize() == 1
        && parent.parent() != null
        && !parent.normalName().equals("body")) {
      parent = parent.parent();
    }
    return parent;
  }

  private static List<Element> withSiblings(
      Element top, double topScore, Map<Element, Double> scores, NodeStats stats) {
    var chosen = new ArrayList<Element>();
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    double threshold = Math.max(10, topScore * 0.2);
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        chosen.add(sibling);
        continue;
      }
      if (stats.excluded(sibling)) {
        continue;
      }
      double bonus = sameClass(sibling, top) ? topScore * 0.2 : 0;
      double score = scores.getOrDefault(sibling, 0.0) + bonus;
      int length = stats.text(sibling);
      double links = stats.linkDensity(sibling);
      if (score >= threshold
          || sibling.normalName().equals("p")
              && (length > 80 && links < 0.25
                  || length > 0 && links == 0 && endsSentence(sibling.text()))) {
        chosen.add(sibling);
      }
    }
    return chosen;
  }

  private static boolean sameClass(Element a, Element b) {
    return !a.className().isEmpty() && a.className().equals(b.className());
  }

  private static boolean isTextBlock(Element block) {
    String name = block.normalName();
    return name.equals("p") || name.equals("pre") || name.equals("blockquote");
  }

  private static boolean isParagraph(Element block, NodeStats stats) {
    if (isTextBlock(block)) {
      return stats.text(block) >= MIN_PARAGRAPH;
    }
    if (block.normalName().equals("font")
        && block.parent() != null
        && block.parent().normalName().equals("p")) {
      return false;
    }
    // Containers count only for the text written directly in them (pages that use <br>).
    return stats.ownText(block) >= MIN_PARAGRAPH;
  }

  private static double initial(Element element, NodeStats stats) {
    double score =
        switch (element.normalName()) {
          case "div", "article", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "form", "ol", "ul", "dl", "dd", "dt", "li" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    // schema.org microdata (itemprop="articleBody") names the text outright.
    return score
        + stats.markWeight(element.attr("class").trim())
        + stats.markWeight(element.attr("id"))
        + stats.markWeight(element.attr("itemprop"));
  }

  /** What a class, id or itemprop value says of an element: content (+25), furniture (-25). */
  static double markWeight(String marks) {
    double weight = 0;
    if (MarkWords.isFurniture(marks)) {
      weight -= 25;
    }
    if (MarkWords.isContent(marks)) {
      weight += 25;
    }
    return weight;
  }

  private static boolean endsSentence(String text) {
    String t = text.strip();
    return !t.isEmpty() && ".。!！?？”\"".indexOf(t.charAt(t.length() - 1)) >= 0;
  }
}
