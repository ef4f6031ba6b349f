package io.healthwatch.crawler.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.input.JDOMParseException;

/**
 * A feed as Rome reads it, without Rome's reading of dates. The crawler reads every date itself
 * ({@link io.healthwatch.crawler.date.DateParser}: Rome puts zone-less times in the JVM's zone),
 * and Rome's date parser tries its masks one after another, each a new SimpleDateFormat: measured
 * on 60-item feeds in the soak (scripts/bench soak), it was 29% of the crawler's CPU. So the date
 * elements of the feed and its items are taken out of the document before Rome maps it, their text
 * kept for the items whose date the crawler cannot find in the feed as written.
 */
final class RomeFeed {
  /** Elements Rome reads as dates (RSS 0.9x/2.0, RSS 1.0's Dublin Core, Atom 0.3 and 1.0). */
  private static final Set<String> DATES =
      Set.of(
          "pubDate",
          "lastBuildDate",
          "expirationDate",
          "date",
          "published",
          "issued",
          "created",
          "updated",
          "modified");

  /** Of an item's dates, the ones that say when it was published, before those of updates. */
  private static final List<String> PUBLISHED = List.of("pubDate", "published", "issued", "date");

  private static final List<String> UPDATED = List.of("created", "updated", "modified");

  private static final Set<String> ITEMS = Set.of("item", "entry");

  private final SyndFeed feed;
  private final List<String> itemDates;

  private RomeFeed(SyndFeed feed, List<String> itemDates) {
    this.feed = feed;
    this.itemDates = itemDates;
  }

  SyndFeed feed() {
    return feed;
  }

  /**
   * The date text of the i-th item in document order, which is Rome's order of entries when it made
   * one of each ({@code entries}); null when it has none or the counts differ.
   */
  String itemDate(int i, int entries) {
    return itemDates.size() == entries && i < entries ? itemDates.get(i) : null;
  }

  /**
   * @throws FeedException as Rome's own reading does: not XML, or XML that is no feed
   */
  static RomeFeed build(String xml) throws FeedException {
    var input = new Input();
    var itemDates = new ArrayList<String>();
    com.rometools.rome.feed.WireFeed wire;
    // Rome's own handling of what goes wrong, so the reasons read as before.
    try {
      Document document = input.parser().build(new XmlFixerReader(new StringReader(xml)));
      withoutDates(document.getRootElement(), 0, itemDates);
      wire = input.build(document);
    } catch (JDOMParseException e) {
      throw new ParsingFeedException("Invalid XML: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new ParsingFeedException("Invalid XML", e);
    }
    return new RomeFeed(new SyndFeedImpl(wire), itemDates);
  }

  /** Feed, channel and items lie at most three levels down (rss / channel / item). */
  private static void withoutDates(Element element, int depth, List<String> itemDates) {
    if (ITEMS.contains(element.getName())) {
      itemDates.add(dateOf(element));
    }
    element.getChildren().removeIf(child -> DATES.contains(child.getName()));
    if (depth < 2) {
      for (Element child : element.getChildren()) {
        withoutDates(child, depth + 1, itemDates);
      }
    }
  }

  private static String dateOf(Element item) {
    for (List<String> names : List.of(PUBLISHED, UPDATED)) {
      for (String name : names) {
        for (Element child : item.getChildren()) {
          if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
            return child.getTextTrim();
          }
        }
      }
    }
    return null;
  }

  /** Rome's input, for its secured parser (no DOCTYPE, no external entities). */
  private static final class Input extends WireFeedInput {
    Input() {
      setXmlHealerOn(true);
      setAllowDoctypes(false);
    }

    org.jdom2.input.SAXBuilder parser() {
      return createSAXBuilder();
    }
  }
}
