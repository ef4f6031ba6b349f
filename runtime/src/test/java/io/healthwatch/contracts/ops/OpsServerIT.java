package io.healthwatch.contracts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpsSettings;
import io.healthwatch.contracts.kafka.KafkaHealthCheck;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ops endpoint over real HTTP on loopback. */
class OpsServerIT {
  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsDownWithTheReasonWhenTheBrokerDoesNotAnswer() throws Exception {
    int deadPort;
    try (var socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    var kafka = new KafkaSettings("127.0.0.1:" + deadPort, 1, (short) 1, Map.of());
    try (var ops = OpsServer.start("test", new OpsSettings("127.0.0.1", 0));
        var check = new KafkaHealthCheck(kafka, "ops-it")) {
      ops.check("kafka", check);
      ops.registry().counter("healthwatch_test_events").increment(3);

      var health = get(ops.port(), "/health");
      assertEquals(503, health.statusCode());
      assertTrue(health.body().contains("\"status\":\"DOWN\""), health.body());
      assertTrue(health.body().contains("does not answer"), health.body());
      assertEquals(503, get(ops.port(), "/ready").statusCode());
      // A broker outage is ridden out, not mended by a restart: the process stays live.
      var live = get(ops.port(), "/live");
      assertEquals(200, live.statusCode(), live.body());
      ops.liveness("worker", () -> "worker thread died");
      assertEquals(503, get(ops.port(), "/live").statusCode());
      assertTrue(get(ops.port(), "/ready").body().contains("worker thread died"));

      var metrics = get(ops.port(), "/metrics");
      assertEquals(200, metrics.statusCode());
      assertTrue(
          metrics.body().contains("healthwatch_test_events_total{service=\"test\"} 3.0"),
          metrics.body());
      for (String jvm :
          new String[] {
            "jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "process_cpu_usage"
          }) {
        assertTrue(metrics.body().contains(jvm), "the JVM's own meters: " + jvm);
      }
    }
  }
}
