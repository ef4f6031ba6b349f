package io.healthwatch.crawler.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.fetch.PageDecoder;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom feeds with Rome, tolerant of what real feeds get wrong: a stale
 * encoding declaration (the bytes are decoded as pages are), and markup that is not well-formed XML
 * (unclosed HTML in descriptions, HTML entities), which is repaired with a lenient XML parse before
 * Rome reads it again. DOCTYPEs are refused, so external entities are never expanded. Items without
 * a usable link are skipped; a date Rome cannot read is left out.
 */
public final class FeedReader {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private FeedReader() {}

  /**
   * @throws IOException with a one-line reason when the bytes are not a feed
   */
  public static List<FeedItem> read(byte[] bytes, String contentType, String feedUrl)
      throws IOException {
    String text =
        PageDecoder.decode(bytes, contentType == null ? null : HttpFetcher.charsetOf(contentType));
    SyndFeed feed;
    try {
      feed = build(text);
    } catch (FeedException | IllegalArgumentException strict) {
      try {
        feed = build(repaired(text));
      } catch (FeedException | IllegalArgumentException e) {
        throw new IOException("not a readable feed: " + firstLine(strict.getMessage()), strict);
      }
    }
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
      Date date =
          entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
      String title = entry.getTitle() == null ? null : entry.getTitle().strip();
      items.add(
          new FeedItem(
              url.get(),
              title,
              date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), CHINA)));
    }
    return items;
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

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
