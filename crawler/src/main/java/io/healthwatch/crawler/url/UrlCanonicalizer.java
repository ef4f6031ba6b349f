package io.healthwatch.crawler.url;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One place for the rules that make two spellings of an article's address one. crawler-commons'
 * {@link BasicURLNormalizer} does what every crawler agrees on: scheme and host in lower case,
 * default ports and fragments dropped, {@code /a/../b/./c} resolved, percent-encoding made one
 * (unreserved characters decoded, the rest encoded with upper-case hex, so {@code q=医保} and {@code
 * q=%e5%8c%bb%e4%bf%9d} are one address), query parameters sorted, international host names in
 * their ASCII (punycode) form, which is what DNS and HTTP use. On top, the project's rules:
 * tracking parameters removed, an empty path made "/", a trailing index page (index.html,
 * default.aspx ...) dropped. The other query parameters stay: on many Chinese news sites they
 * select the page.
 */
public final class UrlCanonicalizer {
  private static final BasicURLNormalizer NORMALIZER =
      BasicURLNormalizer.newBuilder()
          .idnNormalization(BasicURLNormalizer.IdnNormalization.PUNYCODE)
          .build();

  private static final Set<String> TRACKING =
      Set.of(
          "spm",
          "from",
          "fromid",
          "share_token",
          "wxshare",
          "isappinstalled",
          "scene",
          "clicktime",
          "enterid",
          "gclid",
          "fbclid",
          "mc_cid",
          "mc_eid");

  /** A directory's index page is the directory: /news/index.html is /news/. */
  private static final Pattern INDEX_PAGE =
      Pattern.compile("(?i)/(index|default)\\.(html?|shtml|php|jsp|aspx?)$");

  private UrlCanonicalizer() {}

  /** The canonical form, or empty when the text is not an absolute http(s) URL. */
  public static Optional<String> canonicalize(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String normalized;
    try {
      normalized = NORMALIZER.filter(url.strip());
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
    if (normalized == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(normalized);
      String scheme = uri.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
        return Optional.empty();
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      path = INDEX_PAGE.matcher(path).replaceFirst("/");
      String query = cleanQuery(uri.getRawQuery());
      // No user information: it is no part of which page this is.
      var out = new StringBuilder(scheme).append("://").append(uri.getHost());
      if (uri.getPort() != -1) {
        out.append(':').append(uri.getPort());
      }
      out.append(path);
      if (query != null) {
        out.append('?').append(query);
      }
      return Optional.of(out.toString());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Resolves a link against the page it was found on, then canonicalizes it. */
  public static Optional<String> resolve(String base, String href) {
    if (href == null) {
      return Optional.empty();
    }
    try {
      // java.net.URL resolves leniently: links in the wild hold spaces, CJK and '|' unescaped.
      @SuppressWarnings("deprecation")
      URL resolved = new URL(new URL(base), href.strip());
      return canonicalize(resolved.toString());
    } catch (MalformedURLException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String cleanQuery(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    var kept = new ArrayList<String>();
    for (String pair : query.split("&")) {
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
        kept.add(pair);
      }
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }
}
