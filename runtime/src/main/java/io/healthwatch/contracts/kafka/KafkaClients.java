package io.healthwatch.contracts.kafka;

import io.healthwatch.contracts.config.KafkaSettings;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Client properties with the project's durability defaults in one place. */
public final class KafkaClients {
  private KafkaClients() {}

  public static Map<String, Object> common(KafkaSettings kafka, String clientId) {
    var props = new HashMap<String, Object>();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    props.putAll(kafka.properties());
    return props;
  }

  /** Idempotent, acks=all: a record the producer reports sent is on the broker once. */
  public static Map<String, Object> producer(KafkaSettings kafka, String clientId) {
    var props = common(kafka, clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    props.putAll(kafka.properties());
    return props;
  }

  /** Manual commits and read_committed: a consumer sees only what a transaction committed. */
  public static Map<String, Object> consumer(KafkaSettings kafka, String groupId, String clientId) {
    var props = common(kafka, clientId);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.putAll(kafka.properties());
    return props;
  }
}
