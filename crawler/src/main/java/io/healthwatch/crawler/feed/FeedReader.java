package io.healthwatch.crawler.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.fetch.PageDecoder;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom feeds with Rome, tolerant of what real feeds get wrong: the bytes
 * are decoded as pages are (byte-order marks, UTF-16/32, a stale declaration, undeclared legacy CJK
 * encodings), a DOCTYPE is accepted with only plain-text entities (see {@link Doctype}), and markup
 * that is not well-formed XML (unclosed HTML in descriptions, HTML entities) is repaired with a
 * lenient parse before Rome reads it again. Dates are read by the crawler's own {@link DateParser}
 * from the feed's text (Rome's reading puts zone-less times in the JVM's zone and CST in America),
 * titles are plain text. Items without a usable link are skipped; a date that cannot be read is
 * left out.
 */
public final class FeedReader {

  /** Deeper than any real feed nests (xhtml content included); far below a thread stack's limit. */
  static final int MAX_DEPTH = 256;

  private FeedReader() {}

  /** A feed read in China time, against the current time. */
  public static List<FeedItem> read(byte[] bytes, String contentType, String feedUrl)
      throws IOException {
    return read(bytes, contentType, feedUrl, DateParser.china().withFetchTime(Instant.now()));
  }

  /**
   * The articles a feed links to.
   *
   * @param dates the source's date reading (its zone, the fetch time)
   * @throws IOException with a one-line reason when the bytes are not a feed
   */
  public static List<FeedItem> read(
      byte[] bytes, String contentType, String feedUrl, DateParser dates) throws IOException {
    return parse(bytes, contentType, feedUrl, dates).items().stream()
        .filter(item -> item.url() != null)
        .toList();
  }

  /**
   * A feed as read: its title, the charset its bytes were read in, and every item, also those
   * without a usable link (their {@code url} is null), for tools and benchmarks.
   */
  public record Feed(String title, java.nio.charset.Charset charset, List<FeedItem> items) {}

  /**
   * @throws IOException with a one-line reason when the bytes are not a feed
   */
  public static Feed parse(byte[] bytes, String contentType, String feedUrl, DateParser dates)
      throws IOException {
    if (!PageDecoder.looksLikeText(bytes)) {
      throw new IOException("not a readable feed: binary content, not text");
    }
    var decoded =
        PageDecoder.decoded(bytes, contentType == null ? null : HttpFetcher.charsetOf(contentType));
    String text = Doctype.strip(decoded.text().strip());
    WrittenFeed written = WrittenFeed.of(text);
    if (written.depth() > MAX_DEPTH) {
      // Rome's XML library recurses per level: a hostile feed would overflow the thread's stack.
      throw new IOException(
          "not a readable feed: markup nested "
              + written.depth()
              + " levels deep (a feed nests a few dozen at most; refused above "
              + MAX_DEPTH
              + ")");
    }
    RomeFeed rome;
    try {
      rome = RomeFeed.build(text);
    } catch (FeedException | IllegalArgumentException | IndexOutOfBoundsException strict) {
      try {
        rome = RomeFeed.build(repaired(text));
      } catch (FeedException | IllegalArgumentException | IndexOutOfBoundsException e) {
        if (written.looksLikeFeed()) {
          // Rome refuses what readers accept (no <channel>, another namespace, CDF, base64).
          return fromWritten(written, decoded.charset(), feedUrl, dates);
        }
        throw new IOException("not a readable feed: " + reason(strict, text), strict);
      }
    }
    SyndFeed feed = rome.feed();
    List<WrittenFeed.Item> writtenItems = written.items();
    boolean inOrder = writtenItems.size() == feed.getEntries().size();
    Map<String, String> writtenDates = new HashMap<>();
    for (WrittenFeed.Item item : writtenItems) {
      if (item.link() != null && item.date() != null) {
        writtenDates.putIfAbsent(item.link(), item.date());
      }
    }
    var items = new ArrayList<FeedItem>();
    for (int i = 0; i < feed.getEntries().size(); i++) {
      SyndEntry entry = feed.getEntries().get(i);
      String link = entry.getLink();
      if (link == null && !entry.getLinks().isEmpty()) {
        link = entry.getLinks().get(0).getHref();
      }
      if (link == null && inOrder) {
        link = writtenItems.get(i).link(); // e.g. an Atom link written as text, not href
      }
      String url =
          link == null ? null : UrlCanonicalizer.resolve(feedUrl, link.strip()).orElse(null);
      // The date as written: the item in the same place, else the one with the same link.
      String raw =
          inOrder
              ? writtenItems.get(i).date()
              : link == null ? null : writtenDates.get(link.strip());
      String title = plain(entry.getTitle());
      if (inOrder && (title == null || writtenItems.get(i).encodedTitle())) {
        title = writtenItems.get(i).title();
      }
      if (!inOrder && raw == null) {
        raw = rome.itemDate(i, feed.getEntries().size()); // the item's link written differently
      }
      items.add(new FeedItem(url, title, raw == null ? null : dates.parseValue(raw).orElse(null)));
    }
    String title = written.encodedTitle() ? null : plain(feed.getTitle());
    return new Feed(title == null ? written.title() : title, decoded.charset(), items);
  }

  private static Feed fromWritten(
      WrittenFeed written, java.nio.charset.Charset charset, String feedUrl, DateParser dates) {
    var items = new ArrayList<FeedItem>();
    for (WrittenFeed.Item item : written.items()) {
      String url =
          item.link() == null ? null : UrlCanonicalizer.resolve(feedUrl, item.link()).orElse(null);
      OffsetDateTime date = item.date() == null ? null : dates.parseValue(item.date()).orElse(null);
      items.add(new FeedItem(url, item.title(), date));
    }
    return new Feed(written.title(), charset, items);
  }

  /** Title text as a reader sees it: markup and entities resolved, whitespace folded. */
  private static String plain(String title) {
    if (title == null) {
      return null;
    }
    String text =
        title.indexOf('<') >= 0 || title.indexOf('&') >= 0 ? Jsoup.parse(title).text() : title;
    text = text.replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  /** The same document, well-formed: unclosed tags closed, HTML entities as characters. */
  private static String repaired(String text) {
    Document document = Jsoup.parse(text, "", Parser.xmlParser());
    document
        .outputSettings()
        .prettyPrint(false)
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml);
    return document.outerHtml();
  }

  /** Rome's reason, made specific: what the root element is when it is no feed, else the cause. */
  private static String reason(Exception error, String text) {
    Element root = Jsoup.parse(text, "", Parser.xmlParser()).children().first();
    String message = firstLine(rootMessage(error));
    if (message.contains("Invalid document") || message.contains("Type of feed")) {
      return root == null
          ? "no XML element in it"
          : "the root element <" + root.tagName() + "> is not rss, rdf:RDF or feed";
    }
    if (root != null
        && root.tagName().equals("rss")
        && root.getElementsByTag("channel").isEmpty()) {
      return "an <rss> without a <channel>";
    }
    return message;
  }

  private static String rootMessage(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String own = error.getMessage() == null ? "" : error.getMessage();
    String root = t.getMessage() == null ? "" : t.getMessage();
    return t == error || own.contains(root) ? own : own + ": " + root;
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
