package io.healthwatch.crawler.fetch;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.Locale;

/**
 * The unit of politeness: the key under which requests are spaced out, and so the frontier's record
 * key (one crawler instance owns each key and its URLs). By host (host and port, the default) or by
 * registered domain ({@code health.people.com.cn} and {@code www.people.com.cn} share {@code
 * people.com.cn}: sites that serve many subdomains from one farm are asked as one).
 */
public final class Politeness {
  /** How URLs are grouped for politeness. */
  public enum By {
    HOST,
    DOMAIN;

    @com.fasterxml.jackson.annotation.JsonValue
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static By fromYaml(String value) {
      for (By by : values()) {
        if (by.yamlName().equals(value)) {
          return by;
        }
      }
      throw new IllegalArgumentException("expected host or domain, got '" + value + "'");
    }
  }

  private final By by;

  public Politeness(By by) {
    this.by = by;
  }

  /**
   * The politeness key of a URL; an unparsable URL is its own key (it fails at fetch, alone).
   * Addresses (127.0.0.1) have no registered domain: by domain, they are the key without the port,
   * as one machine.
   */
  public String key(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return url;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (by == By.DOMAIN) {
      if (isAddress(host)) {
        return host;
      }
      String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
      return domain == null || domain.isEmpty() ? host : domain;
    }
    return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
  }

  private static boolean isAddress(String host) {
    return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
  }
}
