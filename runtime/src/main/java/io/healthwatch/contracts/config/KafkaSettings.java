package io.healthwatch.contracts.config;

import java.time.Duration;
import java.util.Map;

/**
 * Where the broker is and how topics are created.
 *
 * @param bootstrapServers host:port list of the brokers
 * @param partitions partitions of each topic the service creates at start-up
 * @param replicationFactor replicas of each topic (1 for a single local broker)
 * @param properties extra client properties passed as they are (e.g. security settings)
 * @param publicRetention how long the broker keeps the topics downstream consumers read (the tagged
 *     and duplicate articles); set when a service creates them and on existing ones at start-up
 */
public record KafkaSettings(
    String bootstrapServers,
    int partitions,
    short replicationFactor,
    Map<String, String> properties,
    Duration publicRetention) {
  /** A year: a consumer down for weeks, or a new one reading back a season, loses nothing. */
  public static final Duration PUBLIC_RETENTION = Duration.ofDays(365);

  /** Settings with the default public retention (for tools and tests). */
  public KafkaSettings(
      String bootstrapServers,
      int partitions,
      short replicationFactor,
      Map<String, String> properties) {
    this(bootstrapServers, partitions, replicationFactor, properties, null);
  }

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
    publicRetention = publicRetention == null ? PUBLIC_RETENTION : publicRetention;
    ConfigException.require(
        !publicRetention.isNegative() && publicRetention.toHours() >= 1,
        "kafka.publicRetention",
        publicRetention,
        "a duration of an hour or more, such as P365D");
  }

  /**
   * Never a secret: settings end up in logs and exception messages, and the security properties (a
   * JAAS line with a password, a store's password) are among them.
   */
  @Override
  public String toString() {
    var shown = new java.util.TreeMap<String, String>();
    properties.forEach((key, value) -> shown.put(key, secret(key) ? "***" : value));
    return "KafkaSettings[bootstrapServers="
        + bootstrapServers
        + ", partitions="
        + partitions
        + ", replicationFactor="
        + replicationFactor
        + ", properties="
        + shown
        + ", publicRetention="
        + publicRetention
        + "]";
  }

  private static boolean secret(String key) {
    String k = key.toLowerCase(java.util.Locale.ROOT);
    return k.contains("password") || k.contains("jaas") || k.contains("secret");
  }
}
