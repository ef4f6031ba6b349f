package io.healthwatch.crawler.discover;

import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import io.healthwatch.crawler.url.UrlFilter;
import java.util.LinkedHashSet;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The links of an HTML list page: those the source's link selector finds, resolved and
 * canonicalized, split into further list pages (the source's {@code follow} patterns) and article
 * candidates (filtered by the entry page, as for every kind).
 */
public final class ListPageLinks {
  private ListPageLinks() {}

  /** Candidate article links, and list pages to read next. */
  public record Found(List<String> articles, List<String> lists) {}

  public static Found of(Document page, Source source) {
    var articles = new LinkedHashSet<String>();
    var lists = new LinkedHashSet<String>();
    UrlFilter follow = source.followedLists();
    for (Element anchor : page.select(source.linkSelector())) {
      String href = anchor.attr("href");
      if (href.isBlank() || href.startsWith("javascript:") || href.startsWith("#")) {
        continue;
      }
      UrlCanonicalizer.resolve(page.location(), href)
          .filter(url -> !url.equals(page.location()))
          .ifPresent(
              url -> {
                if (follow != null && follow.accepts(url)) {
                  lists.add(url);
                } else {
                  articles.add(url);
                }
              });
    }
    return new Found(List.copyOf(articles), List.copyOf(lists));
  }
}
