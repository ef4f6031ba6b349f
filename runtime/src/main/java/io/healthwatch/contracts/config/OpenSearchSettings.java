package io.healthwatch.contracts.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Where OpenSearch is and how to reach it.
 *
 * @param url base URL, e.g. http://127.0.0.1:9200; several nodes comma-separated (requests go round
 *     them, a node that fails is left aside for a while)
 * @param username basic auth, when the cluster has security on (empty: none)
 * @param password its password (better set from the environment: {@code
 *     HEALTHWATCH_INDEXER_OPENSEARCH__PASSWORD})
 * @param trustStore a PKCS12 or JKS file with the certificate (or its CA) an https cluster shows,
 *     when it is not signed by a CA the JVM trusts (empty: the JVM's)
 * @param trustStorePassword the trust store's password
 */
public record OpenSearchSettings(
    String url, String username, String password, String trustStore, String trustStorePassword) {

  /** Settings without a trust store of their own (for tools and tests). */
  public OpenSearchSettings(String url, String username, String password) {
    this(url, username, password, "", "");
  }

  public OpenSearchSettings {
    ConfigException.require(
        url != null
            && !url.isBlank()
            && Arrays.stream(url.split(","))
                .map(String::strip)
                .allMatch(u -> u.startsWith("http://") || u.startsWith("https://")),
        "opensearch.url",
        url,
        "an http:// or https:// URL, or several comma-separated");
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    trustStore = trustStore == null ? "" : trustStore;
    trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
    ConfigException.require(
        trustStore.isEmpty() || java.nio.file.Files.isReadable(java.nio.file.Path.of(trustStore)),
        "opensearch.trustStore",
        trustStore,
        "a readable PKCS12 or JKS file");
  }

  /** The first node's address (for messages and the single-node case). */
  public URI uri() {
    return nodes().get(0);
  }

  public List<URI> nodes() {
    return Arrays.stream(url.split(",")).map(String::strip).map(URI::create).toList();
  }

  /** Never the passwords: settings end up in logs and exception messages. */
  @Override
  public String toString() {
    return "OpenSearchSettings[url="
        + url
        + ", username="
        + username
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + ", trustStore="
        + trustStore
        + "]";
  }
}
