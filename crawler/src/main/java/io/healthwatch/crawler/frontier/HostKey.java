package io.healthwatch.crawler.frontier;

import java.net.URI;
import java.util.Locale;

/** The frontier's key: host (and port, when not the default), the unit of politeness. */
final class HostKey {
  private HostKey() {}

  static String of(String url) {
    URI uri = URI.create(url);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
  }
}
