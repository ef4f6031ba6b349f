package io.healthwatch.devstack.services;

import io.healthwatch.contracts.config.ConfigLoader;
import java.nio.file.Path;

/**
 * Where a profile's services keep their files, and which environment variables set it (named in
 * error messages, so a port clash says what to change).
 *
 * @param home data, logs and PID files
 * @param dists the unpacked distributions
 * @param component {@code services} or {@code cluster}
 */
public record ServicesLayout(Path home, Path dists, String component) {
  public static ServicesLayout of(ServicesConfig config, Path projectRoot, String component) {
    return new ServicesLayout(
        config.homeIn(projectRoot), config.distributionsIn(projectRoot), component);
  }

  /** The variable that sets a key: {@code kafkaPort} → {@code HEALTHWATCH_SERVICES_KAFKA_PORT}. */
  public String envVariable(String key) {
    return ConfigLoader.envPrefix(component)
        + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }
}
