package io.healthwatch.contracts.config;

/**
 * The small HTTP endpoint every service exposes for health checks and Prometheus metrics.
 *
 * @param port 0 picks a free port (printed at start); -1 turns the endpoint off
 */
public record OpsSettings(String host, int port) {
  public OpsSettings {
    ConfigException.require(host != null && !host.isBlank(), "ops.host", host, "a host name");
    ConfigException.require(port >= -1 && port <= 65535, "ops.port", port, "-1, 0 or a port");
  }

  public boolean enabled() {
    return port >= 0;
  }
}
