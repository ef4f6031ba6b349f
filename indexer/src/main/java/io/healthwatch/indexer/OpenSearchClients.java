package io.healthwatch.indexer;

import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.config.OpenSearchSettings;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.ssl.SSLContexts;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** Builds the OpenSearch client over Apache HttpClient 5, with the project's JSON mapping. */
public final class OpenSearchClients {
  private OpenSearchClients() {}

  /** A health check: null while the cluster answers ping, else what is wrong. */
  public static java.util.function.Supplier<String> health(OpenSearchClient client) {
    return () -> {
      try {
        return client.ping().value() ? null : "OpenSearch does not answer ping";
      } catch (Exception e) {
        return "OpenSearch unreachable: " + e.getMessage();
      }
    };
  }

  public static OpenSearchClient create(OpenSearchSettings settings) {
    HttpHost[] hosts =
        settings.nodes().stream()
            .map(uri -> new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()))
            .toArray(HttpHost[]::new);
    var builder =
        ApacheHttpClient5TransportBuilder.builder(hosts)
            .setMapper(new JacksonJsonpMapper(Json.mapper()));
    SSLContext tls = settings.trustStore().isEmpty() ? null : sslContext(settings);
    boolean auth = !settings.username().isBlank();
    if (tls != null || auth) {
      builder.setHttpClientConfigCallback(
          http -> {
            if (auth) {
              var credentials = new BasicCredentialsProvider();
              for (HttpHost host : hosts) {
                credentials.setCredentials(
                    new AuthScope(host),
                    new UsernamePasswordCredentials(
                        settings.username(), settings.password().toCharArray()));
              }
              http.setDefaultCredentialsProvider(credentials);
            }
            if (tls != null) {
              http.setConnectionManager(
                  PoolingAsyncClientConnectionManagerBuilder.create()
                      .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).build())
                      .build());
            }
            return http;
          });
    }
    return new OpenSearchClient(builder.build());
  }

  /** Trusts the certificates of the configured store (and only those). */
  private static SSLContext sslContext(OpenSearchSettings settings) {
    try {
      return SSLContexts.custom()
          .loadTrustMaterial(
              Path.of(settings.trustStore()).toFile(), settings.trustStorePassword().toCharArray())
          .build();
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new io.healthwatch.contracts.config.ConfigException(
          "config key 'opensearch.trustStore' names "
              + settings.trustStore()
              + ", which cannot be read as a trust store with opensearch.trustStorePassword: "
              + e.getMessage(),
          e);
    }
  }
}
