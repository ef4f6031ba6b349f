package io.healthwatch.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.topic.Topic;
import io.healthwatch.contracts.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Topic creation as every service does it at start-up, on the real broker (here rather than in
 * contracts, which cannot depend on this fixture): once {@code ensure} returns, every partition has
 * a leader and an idempotent producer's first writes are acknowledged at once. Writing into a topic
 * the broker had not finished creating used to stall a producer on OUT_OF_ORDER_SEQUENCE_NUMBER
 * until its sends expired.
 */
class TopicProvisionerIT {
  @Test
  void writesRightAfterCreationAreAcknowledgedOnEveryPartition() throws Exception {
    var endpoints = Infrastructure.get();
    var kafka = new KafkaSettings(endpoints.kafkaBootstrap(), 3, (short) 1, Map.of());
    for (int attempt = 0; attempt < 5; attempt++) {
      String ns = Infrastructure.namespace("provisioner-it");
      TopicProvisioner.ensure(kafka, ns, List.of(Topics.DISCOVERED, Topics.DEAD_LETTER));
      try (var admin = Admin.create(KafkaClients.common(kafka, "it"))) {
        var partitions =
            admin
                .describeTopics(List.of(Topics.DISCOVERED.name(ns)))
                .allTopicNames()
                .get()
                .get(Topics.DISCOVERED.name(ns))
                .partitions();
        assertEquals(3, partitions.size());
        assertTrue(partitions.stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
      }
      try (var producer = new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "it"))) {
        var sends = new ArrayList<Future<RecordMetadata>>();
        for (int i = 0; i < 30; i++) {
          sends.add(
              producer.send(
                  new ProducerRecord<>(
                      Topics.DISCOVERED.name(ns), i % 3, "k" + i, new byte[] {1})));
        }
        for (var send : sends) {
          send.get(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  /**
   * Two instances of a service starting together both provision; the one whose create loses
   * (TopicExistsException) must also wait until the partitions are known, or its consumer finds
   * none (a crawler in ScaleOutIT exited on "frontier has 0 partitions").
   */
  @Test
  void instancesStartingTogetherBothSeeEveryPartition() throws Exception {
    var endpoints = Infrastructure.get();
    var kafka = new KafkaSettings(endpoints.kafkaBootstrap(), 6, (short) 1, Map.of());
    List<Topic<?, ?>> topics = List.copyOf(Topics.all());
    var pool = Executors.newFixedThreadPool(3);
    try {
      for (int attempt = 0; attempt < 5; attempt++) {
        String ns = Infrastructure.namespace("provisioner-race-it");
        var start = new CountDownLatch(1);
        var instances = new ArrayList<Future<Map<String, Integer>>>();
        for (int instance = 0; instance < 3; instance++) {
          instances.add(
              pool.submit(
                  () -> {
                    start.await();
                    TopicProvisioner.ensure(kafka, ns, topics);
                    return partitionsSeenByAConsumer(kafka, ns, topics);
                  }));
        }
        start.countDown();
        for (var instance : instances) {
          var seen = instance.get(60, TimeUnit.SECONDS);
          seen.forEach((topic, count) -> assertEquals(6, count, topic + " right after ensure"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, Integer> partitionsSeenByAConsumer(
      KafkaSettings kafka, String ns, List<Topic<?, ?>> topics) {
    var seen = new java.util.TreeMap<String, Integer>();
    try (var consumer =
        new KafkaConsumer<String, byte[]>(KafkaClients.consumer(kafka, "it", "it-race"))) {
      for (var topic : topics) {
        String name = topic.name(ns);
        seen.put(name, consumer.partitionsFor(name, Duration.ofSeconds(10)).size());
      }
    }
    return seen;
  }

  @Test
  void thePublicTopicsKeepTheConfiguredRetentionAlsoWhenTheyExistAlready() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("retention-it");
    var kafka = new KafkaSettings(endpoints.kafkaBootstrap(), 1, (short) 1, Map.of());
    TopicProvisioner.ensure(kafka, ns, List.of(Topics.TAGGED, Topics.DISCOVERED));
    assertEquals(
        Long.toString(KafkaSettings.PUBLIC_RETENTION.toMillis()),
        retention(kafka, Topics.TAGGED.name(ns)));
    assertTrue(
        !retention(kafka, Topics.DISCOVERED.name(ns))
            .equals(retention(kafka, Topics.TAGGED.name(ns))),
        "an internal topic keeps the broker's default");

    var longer =
        new KafkaSettings(
            endpoints.kafkaBootstrap(), 1, (short) 1, Map.of(), java.time.Duration.ofDays(730));
    TopicProvisioner.ensure(longer, ns, List.of(Topics.TAGGED));
    assertEquals(
        Long.toString(java.time.Duration.ofDays(730).toMillis()),
        retention(longer, Topics.TAGGED.name(ns)));
  }

  private static String retention(KafkaSettings kafka, String topic) throws Exception {
    try (var admin = Admin.create(KafkaClients.common(kafka, "it"))) {
      var resource =
          new org.apache.kafka.common.config.ConfigResource(
              org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
      return admin
          .describeConfigs(List.of(resource))
          .all()
          .get()
          .get(resource)
          .get("retention.ms")
          .value();
    }
  }
}
