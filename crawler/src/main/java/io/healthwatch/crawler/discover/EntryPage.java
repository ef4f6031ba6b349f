package io.healthwatch.crawler.discover;

import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.feed.FeedItem;
import io.healthwatch.crawler.feed.FeedReader;
import io.healthwatch.crawler.feed.SitemapReader;
import io.healthwatch.crawler.fetch.FetchException;
import io.healthwatch.crawler.fetch.FetchedPage;
import io.healthwatch.crawler.fetch.PageDecoder;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.source.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * The links of a fetched entry page, by its source's kind: a feed's items, a list page's article
 * links, a sitemap's URLs or a sitemap index's child sitemaps (entry pages of their own).
 */
public final class EntryPage {
  /** At most this many child sitemaps of one index are followed: a runaway index stays bounded. */
  static final int MAX_CHILD_SITEMAPS = 50;

  private EntryPage() {}

  /**
   * @param articles article links, with what the feed said of them
   * @param entries further entry pages (child sitemaps)
   */
  public record Links(List<FeedItem> articles, List<String> entries) {
    public int size() {
      return articles.size() + entries.size();
    }
  }

  /**
   * @throws FetchException FEED_MALFORMED when a feed or sitemap cannot be read
   */
  public static Links read(Source source, FetchedPage page, java.time.Instant fetchedAt)
      throws FetchException {
    if (!PageDecoder.looksLikeText(page.body())) {
      throw FetchException.permanent(
          ReasonCode.NOT_HTML, page.finalUrl(), "binary content, not a feed or page");
    }
    if (source.kind().isFeed()) {
      try {
        return new Links(
            FeedReader.read(
                page.body(), page.contentType(), page.finalUrl(), source.dates(fetchedAt)),
            List.of());
      } catch (IOException e) {
        throw FetchException.permanent(ReasonCode.FEED_MALFORMED, page.finalUrl(), e.getMessage());
      }
    }
    if (source.kind() == SourceKind.SITEMAP) {
      try {
        SitemapReader.Content content =
            SitemapReader.read(
                page.body(), page.contentType(), page.finalUrl(), source.dates(fetchedAt));
        return new Links(
            content.items(), content.childSitemaps().stream().limit(MAX_CHILD_SITEMAPS).toList());
      } catch (IOException e) {
        throw FetchException.permanent(ReasonCode.FEED_MALFORMED, page.finalUrl(), e.getMessage());
      }
    }
    var list = Jsoup.parse(PageDecoder.decode(page.body(), page.headerCharset()), page.finalUrl());
    var items = new ArrayList<FeedItem>();
    for (String url : ListPageLinks.of(list, source)) {
      items.add(new FeedItem(url, null, null));
    }
    return new Links(items, List.of());
  }
}
