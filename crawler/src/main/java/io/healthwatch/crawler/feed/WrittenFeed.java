package io.healthwatch.crawler.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * A feed as its text writes it, read leniently with jsoup's XML parser: the feed's title and each
 * item's link, title and first date element, as written. The feed reader takes from it what Rome
 * does not keep (the dates as written, base64 titles, Dublin Core titles) and reads with it alone
 * the feeds Rome refuses but feedparser and readers accept: an RSS without a channel, Atom or RSS
 * 1.0 under an unexpected namespace, Microsoft's CDF, base64 content that trips Rome.
 */
final class WrittenFeed {
  private static final Set<String> ROOTS = Set.of("rss", "rdf:rdf", "rdf", "feed", "channel");
  private static final List<String> DATE_ELEMENTS =
      List.of(
          // publication first: the weekly window is about when an article appeared
          "pubDate",
          "published",
          "issued",
          "dcterms:issued",
          "dc:date",
          "created",
          "dcterms:created",
          "updated",
          "modified",
          "dcterms:modified",
          "lastmod");

  /** One item as written; any field may be null. */
  record Item(String link, String title, String date, boolean encodedTitle) {}

  private final String root;
  private final String title;
  private final boolean encodedTitle;
  private final List<Item> items;
  private final int depth;

  private WrittenFeed(
      String root, String title, boolean encodedTitle, List<Item> items, int depth) {
    this.root = root;
    this.title = title;
    this.encodedTitle = encodedTitle;
    this.items = items;
    this.depth = depth;
  }

  /** How deeply the feed's elements nest (counted without recursion). */
  int depth() {
    return depth;
  }

  static WrittenFeed of(String text) {
    Document xml = Jsoup.parse(text, "", Parser.xmlParser());
    int[] deepest = {0};
    NodeTraversor.traverse((node, d) -> deepest[0] = Math.max(deepest[0], d), xml);
    Element rootElement = xml.children().first();
    String root = rootElement == null ? null : rootElement.tagName().toLowerCase(Locale.ROOT);
    var items = new ArrayList<Item>();
    for (Element item : xml.getAllElements()) {
      String name = item.normalName();
      if (name.equals("item") || name.equals("entry")) {
        Element title = child(item, "title");
        if (title == null) {
          title = child(item, "dc:title");
        }
        if (title == null) {
          title = child(item, "media:title");
        }
        boolean encoded = title != null && isBase64(title);
        items.add(new Item(link(item), textOf(title), date(item), encoded));
      }
    }
    String title = null;
    boolean encodedTitle = false;
    if (rootElement != null) {
      Element scope =
          rootElement.normalName().equals("rss") ? child(rootElement, "channel") : rootElement;
      if (scope != null) {
        Element titleElement = child(scope, "title");
        if (titleElement == null) {
          titleElement = child(scope, "dc:title");
        }
        title = textOf(titleElement);
        encodedTitle = titleElement != null && isBase64(titleElement);
      }
    }
    return new WrittenFeed(root, title, encodedTitle, items, deepest[0]);
  }

  /** Whether the root element is a feed's, whatever namespace it is in. */
  boolean looksLikeFeed() {
    return root != null && ROOTS.contains(root);
  }

  String title() {
    return title;
  }

  /** Whether the feed's title was written base64-encoded (which Rome hands over undecoded). */
  boolean encodedTitle() {
    return encodedTitle;
  }

  List<Item> items() {
    return items;
  }

  /** The first direct child of that name (case-insensitively: CDF writes TITLE), or null. */
  private static Element child(Element parent, String name) {
    List<Element> all = children(parent, name);
    return all.isEmpty() ? null : all.get(0);
  }

  /**
   * The last direct child of that name: a repeated element is overwritten by its later copy, as
   * feedparser reads it.
   */
  private static Element lastChild(Element parent, String name) {
    List<Element> all = children(parent, name);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  private static List<Element> children(Element parent, String name) {
    var found = new ArrayList<Element>();
    for (Element child : parent.children()) {
      if (child.normalName().equals(name) || child.tagName().equalsIgnoreCase(name)) {
        found.add(child);
      }
    }
    return found;
  }

  private static String link(Element item) {
    String href = attribute(item, "href"); // CDF: <ITEM HREF="...">
    if (href != null) {
      return href;
    }
    String link = null;
    for (Element candidate : item.children()) {
      if (candidate.normalName().equals("link")) {
        String value =
            candidate.hasAttr("href")
                ? candidate.attr("href")
                : limitedText(candidate, false).strip();
        String rel = candidate.attr("rel");
        if (!value.isBlank()
            && (link == null && (rel.isEmpty() || rel.equals("alternate"))
                || rel.equals("alternate"))) {
          link = value.strip();
        }
      }
    }
    return link;
  }

  private static String date(Element item) {
    for (String name : DATE_ELEMENTS) {
      Element element = lastChild(item, name);
      if (element == null) {
        element = descendant(item, name);
      }
      String text = element == null ? "" : limitedText(element, false);
      if (!text.isBlank()) {
        return text.replaceAll("\\s+", " ").strip();
      }
    }
    String lastmod = attribute(item, "lastmod"); // CDF
    return lastmod == null || lastmod.isBlank() ? null : lastmod;
  }

  /**
   * The first element of that name within an item, not looking into items nested in it: a feed
   * whose items are not closed nests every later item in the earlier ones, and searching each
   * item's whole subtree would make reading it quadratic (HostileInputFuzzTest found a 0.7 MB feed
   * taking a minute).
   */
  private static Element descendant(Element item, String name) {
    Element[] found = {null};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (depth > 0 && node instanceof Element element) {
              if (element.normalName().equals("item") || element.normalName().equals("entry")) {
                return FilterResult.SKIP_ENTIRELY;
              }
              if (element.normalName().equals(name)) {
                found[0] = element;
                return FilterResult.STOP;
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        item);
    return found[0];
  }

  /**
   * An element's text up to {@link #MAX_TEXT} characters, not reading into nested items: a title,
   * date or link longer than that is not one, and an unclosed element would otherwise hold the rest
   * of the feed.
   *
   * @param whole the text as written (whitespace kept) rather than normalized
   */
  private static String limitedText(Element element, boolean whole) {
    var text = new StringBuilder();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (text.length() >= MAX_TEXT) {
              return FilterResult.STOP;
            }
            if (depth > 0
                && node instanceof Element nested
                && (nested.normalName().equals("item") || nested.normalName().equals("entry"))) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof TextNode textNode) {
              text.append(whole ? textNode.getWholeText() : textNode.text());
            } else if (node instanceof org.jsoup.nodes.DataNode data) {
              text.append(data.getWholeData());
            } else if (!whole && node instanceof Element block && block.isBlock()) {
              text.append(' ');
            }
            return FilterResult.CONTINUE;
          }
        },
        element);
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString();
  }

  /** Longer than any title, date or link a feed means. */
  private static final int MAX_TEXT = 2_048;

  private static String attribute(Element element, String name) {
    for (var attribute : element.attributes()) {
      if (attribute.getKey().equalsIgnoreCase(name)) {
        return attribute.getValue();
      }
    }
    return null;
  }

  /**
   * Atom 0.3's {@code mode="base64"}, and Atom 1.0's rule that text of a media type other than text
   * and XML is base64.
   */
  private static boolean isBase64(Element element) {
    String type = element.attr("type").toLowerCase(Locale.ROOT);
    return "base64".equalsIgnoreCase(element.attr("mode"))
        || type.contains("/") && !type.startsWith("text/") && !type.contains("xml");
  }

  /** An element's text as a reader sees it: base64 decoded when so marked, markup resolved. */
  private static String textOf(Element element) {
    if (element == null) {
      return null;
    }
    String raw = limitedText(element, true);
    if (isBase64(element)) {
      try {
        raw = new String(Base64.getMimeDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        // as written
      }
    }
    String type = isBase64(element) ? "html" : element.attr("type").toLowerCase(Locale.ROOT);
    boolean markup =
        type.contains("html")
            || type.contains("xhtml")
            || raw.indexOf('<') >= 0
            || raw.indexOf('&') >= 0;
    String text = markup && !type.equals("text") ? Jsoup.parse(raw).text() : raw;
    text = text.replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }
}
