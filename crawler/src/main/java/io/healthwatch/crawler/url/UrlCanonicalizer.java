package io.healthwatch.crawler.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One place for the rules that make two spellings of an article's address one: scheme and host in
 * lower case, default ports and fragments dropped, tracking parameters removed, an empty path made
 * "/", a trailing index page (index.html, default.aspx ...) dropped. Other query parameters are
 * kept in order: on many Chinese news sites they select the page.
 */
public final class UrlCanonicalizer {
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
  private static final java.util.regex.Pattern INDEX_PAGE =
      java.util.regex.Pattern.compile("(?i)/(index|default)\\.(html?|shtml|php|jsp|aspx?)$");

  private UrlCanonicalizer() {}

  /** The canonical form, or empty when the text is not an absolute http(s) URL. */
  public static Optional<String> canonicalize(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.trim().replace(" ", "%20"));
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
        return Optional.empty();
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
        port = -1;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      path = INDEX_PAGE.matcher(path).replaceFirst("/");
      String query = cleanQuery(uri.getRawQuery());
      var out = new StringBuilder(scheme).append("://").append(host);
      if (port != -1) {
        out.append(':').append(port);
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
    try {
      return canonicalize(new URI(base).resolve(href.trim().replace(" ", "%20")).toString());
    } catch (URISyntaxException | IllegalArgumentException e) {
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
