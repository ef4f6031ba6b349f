package io.healthwatch.crawler.discover;

import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.util.LinkedHashSet;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Article links of an HTML list page: the source's link selector, filtered by its URL pattern. */
public final class ListPageLinks {
  private ListPageLinks() {}

  public static List<String> of(Document page, Source source) {
    var links = new LinkedHashSet<String>();
    for (Element anchor : page.select(source.linkSelector())) {
      String href = anchor.attr("href");
      if (href.isBlank() || href.startsWith("javascript:") || href.startsWith("#")) {
        continue;
      }
      UrlCanonicalizer.resolve(page.location(), href)
          .filter(url -> !url.equals(page.location()))
          .filter(source::acceptsArticleUrl)
          .ifPresent(links::add);
    }
    return List.copyOf(links);
  }
}
