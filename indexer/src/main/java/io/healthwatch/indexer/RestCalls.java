package io.healthwatch.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;

/**
 * The REST calls the typed client covers awkwardly (index templates, {@code _analyze}, settings
 * filters, reindex tasks): JSON in, the status and JSON out, and a failure that names the call and
 * carries the node's answer.
 */
public final class RestCalls {
  /** What the node answered; {@code body} is "{}" when it sent none. */
  public record Answer(int status, String body) {
    public boolean ok() {
      return status < 300;
    }

    public JsonNode json() throws IOException {
      return Json.mapper().readTree(body);
    }
  }

  private RestCalls() {}

  /** Any answer, error statuses included: for callers that act on the status. */
  public static Answer call(OpenSearchClient client, String method, String endpoint, JsonNode body)
      throws IOException {
    var request = Requests.builder().method(method).endpoint(endpoint);
    if (body != null) {
      request.body(Body.from(Json.mapper().writeValueAsBytes(body), "application/json"));
    }
    try (var response = client.generic().execute(request.build())) {
      return new Answer(
          response.getStatus(), response.getBody().map(Body::bodyAsString).orElse("{}"));
    }
  }

  /** A successful answer's JSON, or an IOException saying what failed and how. */
  public static JsonNode require(
      OpenSearchClient client, String method, String endpoint, JsonNode body, String what)
      throws IOException {
    Answer answer = call(client, method, endpoint, body);
    if (!answer.ok()) {
      throw new IOException(what + " failed: HTTP " + answer.status() + " " + answer.body());
    }
    return answer.json();
  }
}
