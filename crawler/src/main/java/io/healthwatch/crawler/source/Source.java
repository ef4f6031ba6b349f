package io.healthwatch.crawler.source;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.crawler.url.AddressGuard;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import io.healthwatch.crawler.url.UrlFilter;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * One configured source.
 *
 * @param id short stable id, used in metrics and in the articles it yields
 * @param name the outlet as a report names it (e.g. 新华网)
 * @param entryUrls feeds or list pages to read
 * @param linkSelector for html-list: CSS selector of the article links
 * @param include host-anchored patterns an article link must match (optional: any link); see {@link
 *     UrlFilter}
 * @param exclude host-anchored patterns of links never followed (optional)
 * @param follow for html-list: host-anchored patterns of links that are further list pages (an
 *     e-paper's page layouts, a list's next pages), read as entry pages of the source
 * @param json for json: where the links are in the endpoint's JSON
 * @param charset the charset the source's pages are in, when they declare it wrongly (optional)
 * @param selectors CSS selectors that win over the generic extractor for this source (optional)
 * @param interval how often the entry pages are read (optional; the crawler's {@code recheckEvery}
 *     otherwise)
 * @param zone where the source's times without an offset are (optional; Asia/Shanghai)
 * @param allowPrivateAddresses whether links and redirects may lead to loopback, private or
 *     link-local addresses (an intranet source, the demo); see {@link AddressGuard}
 * @param needsBrowser why the source cannot be read without a browser (a JavaScript challenge):
 *     such a source is skipped with one warning, not read as empty (optional)
 */
public record Source(
    String id,
    String name,
    SourceKind kind,
    List<String> entryUrls,
    String linkSelector,
    List<String> include,
    List<String> exclude,
    List<String> follow,
    JsonLinks json,
    String charset,
    Selectors selectors,
    java.time.Duration interval,
    java.time.ZoneId zone,
    boolean allowPrivateAddresses,
    String needsBrowser) {
  /** Compiled filters, shared: a list page checks every link against one. */
  private static final java.util.Map<List<List<String>>, UrlFilter> FILTERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Where a JSON(P) endpoint keeps its links: {@code items} is a dotted path to the array of items
   * ({@code data.list}; empty for a top-level array), the others are fields of an item (dotted
   * paths too); title and date are optional.
   */
  public record JsonLinks(String items, String url, String title, String date) {}

  /** Per-source extraction overrides; each is a CSS selector, any may be absent. */
  public record Selectors(String title, String date, String body, String source, String author) {
    void validate(String key) {
      String[][] all = {
        {"title", title}, {"date", date}, {"body", body}, {"source", source}, {"author", author}
      };
      for (String[] selector : all) {
        if (selector[1] != null) {
          try {
            QueryParser.parse(selector[1]);
          } catch (Selector.SelectorParseException e) {
            throw ConfigException.invalid(
                key + ".selectors." + selector[0],
                selector[1],
                "a CSS selector (" + e.getMessage() + ")");
          }
        }
      }
    }
  }

  public Source {
    String key = "sources[" + id + "]";
    ConfigException.require(
        id != null && id.matches("[a-z0-9][a-z0-9-]*"),
        key + ".id",
        id,
        "lower-case letters, digits and dashes");
    ConfigException.require(name != null && !name.isBlank(), key + ".name", name, "a display name");
    ConfigException.require(kind != null, key + ".kind", kind, SourceKind.names());
    ConfigException.require(
        entryUrls != null && !entryUrls.isEmpty(),
        key + ".entryUrls",
        entryUrls,
        "at least one URL");
    for (String url : entryUrls) {
      ConfigException.require(isHttpUrl(url), key + ".entryUrls", url, "an absolute http(s) URL");
    }
    if (linkSelector == null || linkSelector.isBlank()) {
      linkSelector = "a[href]";
    }
    if (charset != null) {
      ConfigException.require(
          Charset.isSupported(charset),
          key + ".charset",
          charset,
          "a charset name such as GBK or UTF-8");
    }
    if (selectors != null) {
      selectors.validate(key);
    }
    ConfigException.require(
        interval == null || interval.toMillis() >= 100,
        key + ".interval",
        interval,
        "a duration of at least 0.1 s, e.g. PT1H");
    include = include == null ? List.of() : List.copyOf(include);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    follow = follow == null ? List.of() : List.copyOf(follow);
    filter(key, include, exclude);
    filter(key + ".follow", follow, List.of());
    if (kind == SourceKind.JSON) {
      ConfigException.require(
          json != null && json.url() != null && !json.url().isBlank(),
          key + ".json.url",
          json == null ? null : json.url(),
          "the field of an item that holds its link, e.g. {items: data.list, url: url}");
    }
    entryUrls = List.copyOf(entryUrls);
    if (zone == null) {
      zone = CHINA;
    }
  }

  private static final java.time.ZoneId CHINA = io.healthwatch.contracts.calendar.ChinaTime.ZONE;

  /** How the source's dates are read, for a page fetched at {@code fetchedAt}. */
  public io.healthwatch.crawler.date.DateParser dates(java.time.Instant fetchedAt) {
    return new io.healthwatch.crawler.date.DateParser(zone).withFetchTime(fetchedAt);
  }

  /** Which article links the source follows. */
  public UrlFilter articleLinks() {
    return filter("sources[" + id + "]", include, exclude);
  }

  /** Which links of a list page are further list pages. */
  public UrlFilter followedLists() {
    return follow.isEmpty() ? null : filter("sources[" + id + "].follow", follow, List.of());
  }

  private static UrlFilter filter(String key, List<String> include, List<String> exclude) {
    return FILTERS.computeIfAbsent(
        List.of(include, exclude), patterns -> UrlFilter.of(key, include, exclude));
  }

  /**
   * Whether this canonical URL's host and port are one the operator wrote among the entry URLs
   * (compared in canonical form: an entry URL may be written with a Unicode host).
   */
  public boolean isEntryAuthority(String url) {
    String authority = authority(url);
    return authority != null
        && entryUrls.stream()
            .map(entry -> authority(UrlCanonicalizer.canonicalize(entry).orElse(entry)))
            .anyMatch(authority::equals);
  }

  private static String authority(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        return null;
      }
      int port = uri.getPort();
      if (port == -1) {
        port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      }
      return uri.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = URI.create(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
