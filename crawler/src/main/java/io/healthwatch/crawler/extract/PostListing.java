package io.healthwatch.crawler.extract;

import io.healthwatch.crawler.date.DateParser;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A blog's front page or a forum thread shows several entries alike (same tag, same class), each
 * under a header with its own date. The text scorer then picks the longest entry, but the page's
 * article is its first: the newest post, or the post that opened the thread. A news article split
 * into blocks of one class (around ads or images) has no date between its blocks and is left alone.
 */
final class PostListing {
  /** How far up from the best candidate an entry's container is looked for. */
  private static final int LEVELS = 6;

  /** An entry shorter than this is a teaser or a picture, not a post to read. */
  private static final int MIN_ENTRY_TEXT = 100;

  /** A post's header line (its date, maybe with a time and a label) is no longer than this. */
  private static final int HEADER_LINE = 40;

  private static final DateParser DATES = new DateParser(ZoneOffset.UTC);

  private PostListing() {}

  /** The element standing for {@code top} in the first entry, or {@code top} itself. */
  static Element firstEntryFor(Element top, Element body, NodeStats stats) {
    Element entry = top;
    for (int level = 0; level <= LEVELS && entry != null && entry != body; level++) {
      List<Element> alike = stats.firstAlike(entry);
      // When the entry is the first of its kind, a larger entry around it may still be a later one.
      if (alike.size() >= 2 && alike.get(0) != entry) {
        Element first = alike.get(0);
        if (stats.text(first) >= MIN_ENTRY_TEXT && datedBetween(first, alike.get(1), body)) {
          return counterpart(top, entry, first);
        }
        return top;
      }
      entry = entry.parent();
    }
    return top;
  }

  /** The element at the same path under {@code first} as {@code top} is under {@code entry}. */
  private static Element counterpart(Element top, Element entry, Element first) {
    var path = new ArrayList<Element>();
    for (Element e = top; e != entry; e = e.parent()) {
      path.add(0, e);
    }
    Element at = first;
    for (Element step : path) {
      int index = step.elementSiblingIndex();
      if (index >= at.childrenSize() || !at.child(index).tagName().equals(step.tagName())) {
        // Entries shaped differently (one pasted with a table, one not): the whole entry.
        return first;
      }
      at = at.child(index);
    }
    return at;
  }

  /**
   * Whether a short line from the start of {@code first} to the start of {@code second} is a date:
   * a post's header line, inside the entry or between the entries. A date within running prose does
   * not count.
   */
  private static boolean datedBetween(Element first, Element second, Element body) {
    var lines = new ArrayList<String>();
    collect(body, first, second, new int[] {0}, lines);
    for (String line : lines) {
      if (DATES.find(line).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** state[0]: 0 before {@code first}, 1 from it to {@code second}, 2 done. */
  private static void collect(
      Node node, Element first, Element second, int[] state, List<String> lines) {
    if (node == second) {
      state[0] = 2;
      return;
    }
    if (node == first) {
      state[0] = 1;
    }
    if (node instanceof TextNode text) {
      if (state[0] == 1 && !BlockText.visibleLongerThan(text.getWholeText(), HEADER_LINE)) {
        lines.add(text.getWholeText());
      }
      return;
    }
    for (int i = 0, n = node.childNodeSize(); i < n; i++) {
      Node child = node.childNode(i);
      collect(child, first, second, state, lines);
      if (state[0] == 2) {
        return;
      }
    }
  }
}
