package io.healthwatch.contracts.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic bound to its key and value serdes and to its JSON Schema.
 *
 * @param baseName the name without a namespace prefix
 * @param schemaResource classpath location of the value's JSON Schema
 * @param compacted whether the broker keeps only the latest value per key (state, not events)
 */
public record Topic<K, V>(
    String baseName,
    Serde<K> keySerde,
    JsonSerde<V> valueSerde,
    String schemaResource,
    boolean compacted) {

  /** A topic of events, kept for the broker's retention. */
  public static <K, V> Topic<K, V> events(
      String baseName, Serde<K> keySerde, JsonSerde<V> valueSerde, String schemaResource) {
    return new Topic<>(baseName, keySerde, valueSerde, schemaResource, false);
  }

  /** A compacted topic: the latest value per key, kept for ever. */
  public static <K, V> Topic<K, V> compacted(
      String baseName, Serde<K> keySerde, JsonSerde<V> valueSerde, String schemaResource) {
    return new Topic<>(baseName, keySerde, valueSerde, schemaResource, true);
  }

  /**
   * The name in a namespace: tests and the demo run side by side on one broker by giving each its
   * own prefix; production uses the empty prefix.
   */
  public String name(String namespace) {
    return namespace == null || namespace.isEmpty() ? baseName : namespace + "." + baseName;
  }
}
