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
 * links and further list pages, a JSON endpoint's items, a sitemap's URLs or a sitemap index's
 * child sitemaps. Article links pass the source's URL filter whatever the kind.
 */
public final class EntryPage {
  /**
   * At most this many further entry pages (child sitemaps, followed list pages) of one page: a
   * runaway index stays bounded.
   */
  static final int MAX_CHILD_PAGES = 50;

  private EntryPage() {}

  /**
   * @param articles article links that pass the source's filter, with what the listing said
   * @param entries further entry pages (child sitemaps, followed list pages)
   * @param candidates how many article links the page had before the filter
   */
  public record Links(List<FeedItem> articles, List<String> entries, int candidates) {
    public int size() {
      return articles.size() + entries.size();
    }
  }

  /**
   * @throws FetchException FEED_MALFORMED when a feed, sitemap or JSON endpoint cannot be read
   */
  public static Links read(Source source, FetchedPage page, java.time.Instant fetchedAt)
      throws FetchException {
    if (!PageDecoder.looksLikeText(page.body())) {
      throw FetchException.permanent(
          ReasonCode.NOT_HTML, page.finalUrl(), "binary content, not a feed or page");
    }
    List<FeedItem> items;
    List<String> entries = List.of();
    try {
      if (source.kind().isFeed()) {
        items =
            FeedReader.read(
                page.body(), page.contentType(), page.finalUrl(), source.dates(fetchedAt));
      } else if (source.kind() == SourceKind.SITEMAP) {
        SitemapReader.Content content =
            SitemapReader.read(
                page.body(), page.contentType(), page.finalUrl(), source.dates(fetchedAt));
        items = content.items();
        entries = content.childSitemaps().stream().limit(MAX_CHILD_PAGES).toList();
      } else if (source.kind() == SourceKind.JSON) {
        items =
            JsonListing.read(
                PageDecoder.decode(page.body(), page.headerCharset()),
                page.finalUrl(),
                source.json(),
                source.dates(fetchedAt));
      } else {
        var list =
            Jsoup.parse(PageDecoder.decode(page.body(), page.headerCharset()), page.finalUrl());
        var links = ListPageLinks.of(list, source);
        items = links.articles().stream().map(url -> new FeedItem(url, null, null)).toList();
        entries = links.lists().stream().limit(MAX_CHILD_PAGES).toList();
      }
    } catch (IOException e) {
      throw FetchException.permanent(ReasonCode.FEED_MALFORMED, page.finalUrl(), e.getMessage());
    }
    var filter = source.articleLinks();
    var accepted = new ArrayList<FeedItem>();
    for (FeedItem item : items) {
      if (item.url() != null && filter.accepts(item.url())) {
        accepted.add(item);
      }
    }
    return new Links(accepted, entries, items.size());
  }
}
