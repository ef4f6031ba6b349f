package io.healthwatch.contracts.topic;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic bound to its key and value serdes and to its JSON Schema.
 *
 * @param baseName the name without a namespace prefix
 * @param schemaResource classpath location of the value's JSON Schema
 * @param compacted whether the broker keeps only the latest value per key (state, not events)
 * @param retention how long the broker keeps records of an events topic it creates; null for the
 *     broker's default
 * @param publicTopic read by downstream consumers: kept for the operators' {@code
 *     kafka.publicRetention}, so a consumer away for weeks loses nothing
 */
public record Topic<K, V>(
    String baseName,
    Serde<K> keySerde,
    JsonSerde<V> valueSerde,
    String schemaResource,
    boolean compacted,
    Duration retention,
    boolean publicTopic) {

  /** A topic of events, kept for the broker's retention. */
  public static <K, V> Topic<K, V> events(
      String baseName, Serde<K> keySerde, JsonSerde<V> valueSerde, String schemaResource) {
    return new Topic<>(baseName, keySerde, valueSerde, schemaResource, false, null, false);
  }

  /** A compacted topic: the latest value per key, kept for ever. */
  public static <K, V> Topic<K, V> compacted(
      String baseName, Serde<K> keySerde, JsonSerde<V> valueSerde, String schemaResource) {
    return new Topic<>(baseName, keySerde, valueSerde, schemaResource, true, null, false);
  }

  /** The same topic kept for {@code keep} rather than the broker's default. */
  public Topic<K, V> keptFor(Duration keep) {
    return new Topic<>(
        baseName, keySerde, valueSerde, schemaResource, compacted, keep, publicTopic);
  }

  /** The same topic marked as read by downstream consumers (see {@code publicTopic}). */
  public Topic<K, V> forConsumers() {
    return new Topic<>(baseName, keySerde, valueSerde, schemaResource, compacted, retention, true);
  }

  /**
   * The name in a namespace: tests and the demo run side by side on one broker by giving each its
   * own prefix; production uses the empty prefix.
   */
  public String name(String namespace) {
    return name(Namespace.of(namespace));
  }

  public String name(Namespace namespace) {
    return namespace.topic(baseName);
  }
}
