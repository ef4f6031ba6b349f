package io.healthwatch.crawler.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Reads XML and text sitemaps and sitemap indexes with crawler-commons, including Google News
 * sitemaps, whose title and publication date are kept as hints for the article. Dates are read as
 * written by the crawler's {@link DateParser}, in the source's zone.
 */
public final class SitemapReader {
  /** A sitemap's articles, or an index's child sitemaps. */
  public record Content(List<String> childSitemaps, List<FeedItem> items) {}

  private SitemapReader() {}

  /**
   * What the bytes are, whatever the server said: sitemaps are served gzipped as text/html, text
   * lists as application/xml; crawler-commons reads each kind by its content type.
   */
  static String sniffedType(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      return "application/gzip";
    }
    int i = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < bytes.length && Character.isWhitespace(bytes[i])) {
      i++;
    }
    return i < bytes.length && bytes[i] == '<' ? "text/xml" : "text/plain";
  }

  /**
   * @throws IOException with a one-line reason when the bytes are not a sitemap
   */
  public static Content read(byte[] bytes, String contentType, String url, DateParser dates)
      throws IOException {
    var parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap map;
    String type = sniffedType(bytes);
    try {
      map = parser.parseSiteMap(type, bytes, URI.create(url).toURL());
    } catch (UnknownFormatException | MalformedURLException | IllegalArgumentException e) {
      throw new IOException("not a readable sitemap: " + e.getMessage(), e);
    }
    if (map instanceof SiteMapIndex index) {
      var children = new ArrayList<String>();
      for (AbstractSiteMap child : index.getSitemaps()) {
        UrlCanonicalizer.canonicalize(child.getUrl().toString()).ifPresent(children::add);
      }
      return new Content(children, List.of());
    }
    var items = new ArrayList<FeedItem>();
    Map<String, String> written =
        type.equals("text/plain")
            ? Map.of()
            : WrittenSitemapDates.of(bytes, type.equals("application/gzip"));
    for (SiteMapURL entry : ((SiteMap) map).getSiteMapUrls()) {
      var canonical = UrlCanonicalizer.canonicalize(entry.getUrl().toString());
      if (canonical.isEmpty()) {
        continue;
      }
      String title = null;
      Date date = entry.getLastModified();
      ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
      if (news != null && news.length > 0 && news[0] instanceof NewsAttributes attributes) {
        title = attributes.getTitle();
        if (attributes.getPublicationDate() != null) {
          date = attributes.getPublicationDate();
        }
      }
      String raw = written.get(entry.getUrl().toString());
      OffsetDateTime publishedAt =
          raw != null
              ? dates.parseValue(raw).orElse(null)
              : date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), dates.zone());
      items.add(new FeedItem(canonical.get(), title, publishedAt));
    }
    return new Content(List.of(), items);
  }
}
