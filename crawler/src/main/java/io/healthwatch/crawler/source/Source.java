package io.healthwatch.crawler.source;

import io.healthwatch.contracts.config.ConfigException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One configured source.
 *
 * @param id short stable id, used in metrics and in the articles it yields
 * @param name the outlet as a report names it (e.g. 新华网)
 * @param entryUrls feeds or list pages to read
 * @param linkSelector for html-list: CSS selector of the article links
 * @param articleUrlPattern for html-list: a regex an article URL must contain a match of
 */
public record Source(
    String id,
    String name,
    SourceKind kind,
    List<String> entryUrls,
    String linkSelector,
    String articleUrlPattern) {

  public Source {
    String key = "sources[" + id + "]";
    ConfigException.require(
        id != null && id.matches("[a-z0-9][a-z0-9-]*"),
        key + ".id",
        id,
        "lower-case letters, digits and dashes");
    ConfigException.require(name != null && !name.isBlank(), key + ".name", name, "a display name");
    ConfigException.require(kind != null, key + ".kind", kind, "rss, atom or html-list");
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
  }

  public boolean acceptsArticleUrl(String url) {
    return articleUrlPattern == null || Pattern.compile(articleUrlPattern).matcher(url).find();
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
