package io.healthwatch.contracts.config;

import java.net.URI;

/**
 * Where OpenSearch is.
 *
 * @param url base URL, e.g. http://127.0.0.1:9200
 */
public record OpenSearchSettings(String url, String username, String password) {
  public OpenSearchSettings {
    ConfigException.require(
        url != null && (url.startsWith("http://") || url.startsWith("https://")),
        "opensearch.url",
        url,
        "an http:// or https:// URL");
  }

  public URI uri() {
    return URI.create(url);
  }
}
