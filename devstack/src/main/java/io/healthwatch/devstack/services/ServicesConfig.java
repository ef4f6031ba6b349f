package io.healthwatch.devstack.services;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;

/** Settings of the local Kafka and OpenSearch processes; see services-defaults.yml. */
public record ServicesConfig(
    String home,
    int kafkaPort,
    int kafkaControllerPort,
    int kafkaSecurePort,
    String kafkaHeap,
    int openSearchPort,
    int openSearchTransportPort,
    String openSearchHeap,
    String openSearchJavaHome,
    String openSearchUser,
    int startTimeoutSeconds) {

  public ServicesConfig {
    for (var port :
        Map.of(
                "kafkaPort", kafkaPort,
                "kafkaControllerPort", kafkaControllerPort,
                "kafkaSecurePort", kafkaSecurePort,
                "openSearchPort", openSearchPort,
                "openSearchTransportPort", openSearchTransportPort)
            .entrySet()) {
      ConfigException.require(
          port.getValue() > 0 && port.getValue() < 65536,
          port.getKey(),
          port.getValue(),
          "a TCP port from 1 to 65535");
    }
    ConfigException.require(
        heap(kafkaHeap), "kafkaHeap", kafkaHeap, "a JVM heap size such as 512m or 1g");
    ConfigException.require(
        heap(openSearchHeap), "openSearchHeap", openSearchHeap, "a JVM heap size such as 512m");
    ConfigException.require(
        startTimeoutSeconds > 0, "startTimeoutSeconds", startTimeoutSeconds, "a positive number");
  }

  private static boolean heap(String value) {
    return value != null && value.matches("\\d+[mMgG]");
  }

  /** Defaults, then the environment ({@code HEALTHWATCH_SERVICES_KAFKA_PORT=19092} and so on). */
  public static ServicesConfig load(Map<String, String> env) {
    return ConfigLoader.load(
        ServicesConfig.class, "services", "devstack/services-defaults.yml", null, env, Map.of());
  }

  /** The folder for data, logs and downloads, resolved against the project root. */
  public Path homeIn(Path projectRoot) {
    Path path = Path.of(home);
    return path.isAbsolute() ? path : projectRoot.resolve(path).normalize();
  }

  public String kafkaBootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  /** The SASL_SSL listener (user and password, TLS with the local certificate). */
  public String kafkaSecureBootstrap() {
    return "127.0.0.1:" + kafkaSecurePort;
  }

  public String openSearchUrl() {
    return "http://127.0.0.1:" + openSearchPort;
  }
}
