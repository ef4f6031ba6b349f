package io.healthwatch.crawler.source;

import io.healthwatch.contracts.config.ConfigException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * One configured source.
 *
 * @param id short stable id, used in metrics and in the articles it yields
 * @param name the outlet as a report names it (e.g. 新华网)
 * @param entryUrls feeds or list pages to read
 * @param linkSelector for html-list: CSS selector of the article links
 * @param articleUrlPattern for html-list: a regex an article URL must contain a match of
 * @param charset the charset the source's pages are in, when they declare it wrongly (optional)
 * @param selectors CSS selectors that win over the generic extractor for this source (optional)
 * @param interval how often the entry pages are read (optional; the crawler's {@code recheckEvery}
 *     otherwise)
 */
public record Source(
    String id,
    String name,
    SourceKind kind,
    List<String> entryUrls,
    String linkSelector,
    String articleUrlPattern,
    String charset,
    Selectors selectors,
    java.time.Duration interval,
    java.time.ZoneId zone) {
  /** Compiled article patterns, shared: a list page checks every link against one. */
  private static final java.util.Map<String, Pattern> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

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
    ConfigException.require(kind != null, key + ".kind", kind, "rss, atom, html-list or sitemap");
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
    if (articleUrlPattern != null) {
      try {
        Pattern.compile(articleUrlPattern);
      } catch (PatternSyntaxException e) {
        throw ConfigException.invalid(
            key + ".articleUrlPattern",
            articleUrlPattern,
            "a regular expression (" + e.getDescription() + ")");
      }
    }
    entryUrls = List.copyOf(entryUrls);
    if (zone == null) {
      zone = CHINA;
    }
  }

  private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

  /** How the source's dates are read, for a page fetched at {@code fetchedAt}. */
  public io.healthwatch.crawler.date.DateParser dates(java.time.Instant fetchedAt) {
    return new io.healthwatch.crawler.date.DateParser(zone).withFetchTime(fetchedAt);
  }

  public boolean acceptsArticleUrl(String url) {
    return articleUrlPattern == null
        || COMPILED.computeIfAbsent(articleUrlPattern, Pattern::compile).matcher(url).find();
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
