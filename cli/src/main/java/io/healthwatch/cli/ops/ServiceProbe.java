package io.healthwatch.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.config.OpsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service's state as its ops endpoint tells it: /ready, and /live when not ready. */
public final class ServiceProbe {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /**
   * @param state ready, not-ready (alive, waiting for a dependency), failing (alive but its
   *     liveness check fails: restart it), down (not answering), off (no ops endpoint configured)
   * @param checks each check's answer (UP or the problem)
   */
  public record Probe(String service, String url, String state, Map<String, String> checks) {}

  private ServiceProbe() {}

  public static Probe of(String service, OpsSettings ops) {
    if (!ops.enabled()) {
      return new Probe(service, null, "off", Map.of());
    }
    String base = "http://" + ops.host() + ":" + ops.port();
    try {
      var ready = get(base + "/ready");
      if (ready.statusCode() == 200) {
        return new Probe(service, base, "ready", checks(ready.body()));
      }
      var live = get(base + "/live");
      return new Probe(
          service, base, live.statusCode() == 200 ? "not-ready" : "failing", checks(ready.body()));
    } catch (IOException e) {
      return new Probe(
          service,
          base,
          "down",
          Map.of(
              "connection",
              e.getMessage() == null
                  ? "not answering (" + e.getClass().getSimpleName() + ")"
                  : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(service, base, "down", Map.of("connection", "interrupted"));
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> checks(String body) {
    var checks = new LinkedHashMap<String, String>();
    try {
      JsonNode tree = Json.mapper().readTree(body);
      tree.path("checks")
          .fields()
          .forEachRemaining(e -> checks.put(e.getKey(), e.getValue().asText()));
    } catch (IOException e) {
      checks.put("answer", body.length() > 200 ? body.substring(0, 200) : body);
    }
    return checks;
  }
}
