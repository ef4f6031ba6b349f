package io.healthwatch.contracts.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic bound to its key and value serdes and to its JSON Schema.
 *
 * @param baseName the name without a namespace prefix
 * @param schemaResource classpath location of the value's JSON Schema
 */
public record Topic<K, V>(
    String baseName, Serde<K> keySerde, JsonSerde<V> valueSerde, String schemaResource) {

  /**
   * The name in a namespace: tests and the demo run side by side on one broker by giving each its
   * own prefix; production uses the empty prefix.
   */
  public String name(String namespace) {
    return namespace == null || namespace.isEmpty() ? baseName : namespace + "." + baseName;
  }
}
