package io.healthwatch.crawler.url;

import io.healthwatch.contracts.config.ConfigException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which links a source follows: host-anchored regular expressions matched against the whole of
 * {@code host[:port]/path}, or {@code host[:port]/path?query} when a pattern is about the query.
 * Anchored at both ends and tied to a host, a pattern says exactly which site's pages it means (two
 * outlets on one CMS share a path layout, not a host), and a kept query parameter does not break a
 * pattern written for the path. No include patterns means every link; an exclude pattern wins.
 */
public final class UrlFilter {
  private final List<Pattern> include;
  private final List<Pattern> exclude;

  private UrlFilter(List<Pattern> include, List<Pattern> exclude) {
    this.include = include;
    this.exclude = exclude;
  }

  /**
   * @param key where the patterns are configured, for errors (e.g. {@code sources[xinhua]})
   * @throws ConfigException naming the pattern that does not compile or is not host-anchored
   */
  public static UrlFilter of(String key, List<String> include, List<String> exclude) {
    return new UrlFilter(compile(key + ".include", include), compile(key + ".exclude", exclude));
  }

  /** Whether the canonical URL is one to follow. */
  public boolean accepts(String canonicalUrl) {
    if (include.isEmpty() && exclude.isEmpty()) {
      return true; // most feeds: no URL parsed per link
    }
    String[] forms = forms(canonicalUrl);
    if (forms == null) {
      return false;
    }
    if (!include.isEmpty() && !matchesAny(include, forms)) {
      return false;
    }
    return !matchesAny(exclude, forms);
  }

  private static boolean matchesAny(List<Pattern> patterns, String[] forms) {
    for (Pattern pattern : patterns) {
      for (String form : forms) {
        if (form != null && pattern.matcher(form).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code host[:port]/path} and, with a query, {@code host[:port]/path?query}. */
  private static String[] forms(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (uri.getHost() == null) {
      return null;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String hostAndPath = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path;
    return new String[] {
      hostAndPath, uri.getRawQuery() == null ? null : hostAndPath + "?" + uri.getRawQuery()
    };
  }

  private static List<Pattern> compile(String key, List<String> patterns) {
    if (patterns == null) {
      return List.of();
    }
    return patterns.stream()
        .map(
            pattern -> {
              ConfigException.require(
                  pattern != null
                      && !pattern.isBlank()
                      && !pattern.startsWith("/")
                      && !pattern.startsWith("^")
                      && !pattern.startsWith("http"),
                  key,
                  pattern,
                  "a pattern that starts with the host, matched against host and path, e.g."
                      + " \"www\\\\.news\\\\.cn/\\\\d{8}/[0-9a-f]{32}/c\\\\.html\"");
              try {
                return Pattern.compile(pattern);
              } catch (PatternSyntaxException e) {
                throw ConfigException.invalid(
                    key, pattern, "a regular expression (" + e.getDescription() + ")");
              }
            })
        .toList();
  }
}
