package io.healthwatch.crawler.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom feeds with Rome. Rome's parser refuses DOCTYPEs, so external
 * entities cannot be expanded; items without a usable link are skipped and counted by the caller.
 */
public final class FeedReader {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private FeedReader() {}

  /**
   * @throws IOException with a one-line reason when the bytes are not a feed
   */
  public static List<FeedItem> read(byte[] bytes, String contentType, String feedUrl)
      throws IOException {
    SyndFeed feed;
    try (var reader = new XmlReader(new ByteArrayInputStream(bytes), contentType, true)) {
      var input = new SyndFeedInput();
      input.setXmlHealerOn(true);
      input.setAllowDoctypes(false);
      feed = input.build(reader);
    } catch (FeedException | IllegalArgumentException e) {
      throw new IOException("not a readable feed: " + firstLine(e.getMessage()), e);
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
      var url = UrlCanonicalizer.resolve(feedUrl, link);
      if (url.isEmpty()) {
        continue;
      }
      Date date =
          entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
      items.add(
          new FeedItem(
              url.get(),
              entry.getTitle(),
              date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), CHINA)));
    }
    return items;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
