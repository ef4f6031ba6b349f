package io.healthwatch.contracts.config;

import java.util.Map;

/**
 * Where the broker is and how topics are created.
 *
 * @param bootstrapServers host:port list of the brokers
 * @param partitions partitions of each topic the service creates at start-up
 * @param replicationFactor replicas of each topic (1 for a single local broker)
 * @param properties extra client properties passed as they are (e.g. security settings)
 */
public record KafkaSettings(
    String bootstrapServers,
    int partitions,
    short replicationFactor,
    Map<String, String> properties) {
  public KafkaSettings {
    ConfigException.require(
        bootstrapServers != null && !bootstrapServers.isBlank(),
        "kafka.bootstrapServers",
        bootstrapServers,
        "host:port[,host:port...]");
    ConfigException.require(partitions >= 1, "kafka.partitions", partitions, "at least 1");
    ConfigException.require(
        replicationFactor >= 1, "kafka.replicationFactor", replicationFactor, "at least 1");
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
