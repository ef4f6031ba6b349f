package io.healthwatch.contracts.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.config.OpsSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health and metrics over HTTP for one service. {@code GET /live}: the process works (its liveness
 * checks pass); a probe that restarts on failure uses it, and a broker or cluster outage, which the
 * services ride out, does not fail it. {@code GET /ready} (also {@code /health}): every check
 * passes, the outside dependencies too; a balancer or a status page uses it. Both answer 200 or 503
 * with a JSON body naming each check. {@code GET /metrics}: Prometheus text format.
 */
public final class OpsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

  private final PrometheusMeterRegistry registry;
  private final Map<String, Supplier<String>> checks = new ConcurrentHashMap<>();
  private final Map<String, Supplier<String>> liveness = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final java.util.List<io.micrometer.core.instrument.binder.MeterBinder> bound =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private OpsServer(PrometheusMeterRegistry registry, HttpServer server) {
    this.registry = registry;
    this.server = server;
    // The JVM's own figures: heap and GC pressure, threads, CPU, start time.
    bind(new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics());
    bind(new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics());
    bind(new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics());
    bind(new io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics());
    bind(new io.micrometer.core.instrument.binder.system.ProcessorMetrics());
    bind(new io.micrometer.core.instrument.binder.system.UptimeMetrics());
  }

  /**
   * Adds meters from a binder, closed with this server when it holds resources: a Kafka client's
   * ({@code KafkaClientMetrics}: consumer lag {@code kafka_consumer_fetch_manager_records_lag_max},
   * request rates, errors) or Streams' ({@code KafkaStreamsMetrics}).
   */
  public void bind(io.micrometer.core.instrument.binder.MeterBinder binder) {
    binder.bindTo(registry);
    bound.add(binder);
  }

  /** Starts the endpoint unless it is turned off; the registry works either way. */
  public static OpsServer start(String service, OpsSettings settings) throws IOException {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
    if (!settings.enabled()) {
      return new OpsServer(registry, null);
    }
    var server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
    var ops = new OpsServer(registry, server);
    server.createContext("/metrics", ops::metrics);
    server.createContext("/health", exchange -> ops.answer(exchange, true));
    server.createContext("/ready", exchange -> ops.answer(exchange, true));
    server.createContext("/live", exchange -> ops.answer(exchange, false));
    server.start();
    LOG.info("ops endpoint http://{}:{}/live, /ready and /metrics", settings.host(), ops.port());
    return ops;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  /**
   * Adds a readiness check (a dependency such as the broker): the supplier returns null when
   * healthy, or a one-line reason.
   */
  public void check(String name, Supplier<String> problem) {
    checks.put(name, problem);
  }

  /**
   * Adds a liveness check: something only a restart mends (a stream thread dead). Part of readiness
   * too.
   */
  public void liveness(String name, Supplier<String> problem) {
    liveness.put(name, problem);
  }

  private void metrics(HttpExchange exchange) throws IOException {
    respond(exchange, 200, "text/plain; version=0.0.4", registry.scrape());
  }

  private void answer(HttpExchange exchange, boolean readiness) throws IOException {
    var results = new LinkedHashMap<String, String>();
    boolean up = true;
    var all = new LinkedHashMap<String, Supplier<String>>(liveness);
    if (readiness) {
      all.putAll(checks);
    }
    for (var entry : all.entrySet()) {
      String problem;
      try {
        problem = entry.getValue().get();
      } catch (RuntimeException e) {
        problem = e.toString();
      }
      results.put(entry.getKey(), problem == null ? "UP" : problem);
      up &= problem == null;
    }
    var body = Map.of("status", up ? "UP" : "DOWN", "checks", results);
    respond(exchange, up ? 200 : 503, "application/json", Json.mapper().writeValueAsString(body));
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
    for (var binder : bound) {
      if (binder instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.debug("closing metrics of {}: {}", binder, e.toString());
        }
      }
    }
    registry.close();
  }
}
