package io.healthwatch.crawler.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.fetch.PageDecoder;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom feeds with Rome, tolerant of what real feeds get wrong: the bytes
 * are decoded as pages are (byte-order marks, UTF-16/32, a stale declaration, undeclared legacy CJK
 * encodings), a DOCTYPE is accepted but entity definitions are refused (no external entity, no
 * entity expansion), and markup that is not well-formed XML (unclosed HTML in descriptions, HTML
 * entities) is repaired with a lenient parse before Rome reads it again. Dates are read by the
 * crawler's own {@link DateParser} from the feed's text (Rome's reading puts zone-less times in the
 * JVM's zone and CST in America), titles are plain text. Items without a usable link are skipped; a
 * date that cannot be read is left out.
 */
public final class FeedReader {
  private static final Pattern DOCTYPE =
      Pattern.compile("(?is)<!DOCTYPE\\s[^\\[>]*(\\[.*?\\]\\s*)?>");
  private static final Pattern ENTITY = Pattern.compile("(?i)<!ENTITY");
  private static final List<String> DATE_ELEMENTS =
      List.of(
          "pubDate",
          "published",
          "dc:date",
          "updated",
          "issued",
          "modified",
          "created",
          "dcterms:modified");

  private FeedReader() {}

  /** A feed read in China time, against the current time. */
  public static List<FeedItem> read(byte[] bytes, String contentType, String feedUrl)
      throws IOException {
    return read(bytes, contentType, feedUrl, DateParser.china().withFetchTime(Instant.now()));
  }

  /**
   * @param dates the source's date reading (its zone, the fetch time)
   * @throws IOException with a one-line reason when the bytes are not a feed
   */
  public static List<FeedItem> read(
      byte[] bytes, String contentType, String feedUrl, DateParser dates) throws IOException {
    if (!PageDecoder.looksLikeText(bytes)) {
      throw new IOException("not a readable feed: binary content, not text");
    }
    String text =
        PageDecoder.decode(bytes, contentType == null ? null : HttpFetcher.charsetOf(contentType))
            .strip();
    text = withoutDoctype(text);
    SyndFeed feed;
    try {
      feed = build(text);
    } catch (FeedException | IllegalArgumentException strict) {
      try {
        feed = build(repaired(text));
      } catch (FeedException | IllegalArgumentException e) {
        throw new IOException("not a readable feed: " + reason(strict, text), strict);
      }
    }
    Map<String, String> rawDates = rawDates(text);
    var items = new ArrayList<FeedItem>();
    for (SyndEntry entry : feed.getEntries()) {
      String link = entry.getLink();
      if (link == null && !entry.getLinks().isEmpty()) {
        link = entry.getLinks().get(0).getHref();
      }
      if (link == null) {
        continue;
      }
      var url = UrlCanonicalizer.resolve(feedUrl, link.strip());
      if (url.isEmpty()) {
        continue;
      }
      items.add(
          new FeedItem(url.get(), plain(entry.getTitle()), date(entry, link, rawDates, dates)));
    }
    return items;
  }

  /**
   * The date as the feed wrote it, read by the crawler's parser; Rome's reading only when the text
   * cannot be found again (the item's link written differently).
   */
  private static OffsetDateTime date(
      SyndEntry entry, String link, Map<String, String> rawDates, DateParser dates) {
    String raw = rawDates.get(link.strip());
    if (raw != null) {
      return dates.parseValue(raw).orElse(null);
    }
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), ZoneId.of("UTC"));
  }

  /** Each item's link and the first date element it has, as written. */
  private static Map<String, String> rawDates(String text) {
    var dates = new HashMap<String, String>();
    Document xml = Jsoup.parse(text, "", Parser.xmlParser());
    for (Element item : xml.select("item, entry")) {
      String link = null;
      for (Element candidate : item.children()) {
        if (candidate.normalName().equals("link")) {
          String value = candidate.hasAttr("href") ? candidate.attr("href") : candidate.text();
          if (!value.isBlank() && (link == null || "alternate".equals(candidate.attr("rel")))) {
            link = value.strip();
          }
        }
      }
      if (link == null) {
        continue;
      }
      for (String name : DATE_ELEMENTS) {
        Element date = item.getElementsByTag(name).first();
        if (date != null && !date.text().isBlank()) {
          dates.putIfAbsent(link, date.text().strip());
          break;
        }
      }
    }
    return dates;
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

  /**
   * A DOCTYPE is dropped (RSS 0.91's Netscape DOCTYPE is standard); one that defines entities is
   * refused, as entity definitions are how XXE and entity-expansion attacks work.
   */
  private static String withoutDoctype(String text) throws IOException {
    var doctype = DOCTYPE.matcher(text);
    if (!doctype.find()) {
      return text;
    }
    if (doctype.group(1) != null && ENTITY.matcher(doctype.group(1)).find()) {
      throw new IOException(
          "not a readable feed: it defines XML entities (refused: entity expansion)");
    }
    return text.substring(0, doctype.start()) + text.substring(doctype.end());
  }

  private static SyndFeed build(String xml) throws FeedException {
    var input = new SyndFeedInput();
    input.setXmlHealerOn(true);
    input.setAllowDoctypes(false);
    return input.build(new StringReader(xml));
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
