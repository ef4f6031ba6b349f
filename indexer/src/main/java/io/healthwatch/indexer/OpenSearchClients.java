package io.healthwatch.indexer;

import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.config.OpenSearchSettings;
import java.net.URI;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
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
    URI uri = settings.uri();
    var host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
    var builder =
        ApacheHttpClient5TransportBuilder.builder(host)
            .setMapper(new JacksonJsonpMapper(Json.mapper()));
    if (settings.username() != null && !settings.username().isBlank()) {
      var credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          new AuthScope(host),
          new UsernamePasswordCredentials(settings.username(), settings.password().toCharArray()));
      builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
    }
    return new OpenSearchClient(builder.build());
  }
}
