package io.healthwatch.crawler.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * What a page says about itself outside its text, gathered in one walk over the document rather
 * than one query each: meta tags by name, property or itemprop, the canonical link, JSON-LD blocks,
 * the first {@code <time datetime>}, and the {@code h1}/{@code h2} headings in page order.
 */
record PageFacts(
    Map<String, String> metas,
    String canonicalHref,
    List<String> jsonLd,
    String timeDatetime,
    List<Element> headings) {

  static PageFacts of(Document page) {
    var metas = new HashMap<String, String>();
    var jsonLd = new ArrayList<String>();
    var headings = new ArrayList<Element>();
    var found = new String[2];
    walk(page, metas, jsonLd, headings, found);
    return new PageFacts(metas, found[0], jsonLd, found[1], headings);
  }

  /** found[0]: the canonical link, found[1]: the first time's datetime. */
  private static void walk(
      Element element,
      Map<String, String> metas,
      List<String> jsonLd,
      List<Element> headings,
      String[] found) {
    switch (element.normalName()) {
      case "meta" -> {
        String content = element.attr("content");
        putKey(metas, element.attr("property"), content);
        putKey(metas, element.attr("name"), content);
        putKey(metas, element.attr("itemprop"), content);
      }
      case "link" -> {
        if (found[0] == null
            && element.attr("rel").equalsIgnoreCase("canonical")
            && element.hasAttr("href")) {
          found[0] = element.absUrl("href");
        }
      }
      case "script" -> {
        if (element.attr("type").equalsIgnoreCase("application/ld+json")) {
          jsonLd.add(element.data());
        }
      }
      case "time" -> {
        if (found[1] == null && element.hasAttr("datetime")) {
          found[1] = element.attr("datetime");
        }
      }
      case "h1", "h2" -> headings.add(element);
      default -> {
        // nothing to note
      }
    }
    for (int i = 0, n = element.childNodeSize(); i < n; i++) {
      Node child = element.childNode(i);
      if (child instanceof Element childElement) {
        walk(childElement, metas, jsonLd, headings, found);
      }
    }
  }

  private static void putKey(Map<String, String> metas, String key, String content) {
    if (!key.isEmpty()) {
      metas.putIfAbsent(key, content);
    }
  }

  /** The first {@code h1}, or null. */
  Element firstH1() {
    for (Element heading : headings) {
      if (heading.normalName().equals("h1")) {
        return heading;
      }
    }
    return null;
  }
}
