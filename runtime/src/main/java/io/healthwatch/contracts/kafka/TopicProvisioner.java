package io.healthwatch.contracts.kafka;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.topic.Topic;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics a service needs at start-up, leaving existing ones as they are. */
public final class TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  public static void ensure(KafkaSettings kafka, String namespace, Collection<Topic<?, ?>> topics) {
    try (Admin admin = Admin.create(KafkaClients.common(kafka, "healthwatch-topic-provisioner"))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      var byName = new LinkedHashMap<String, Topic<?, ?>>();
      topics.forEach(topic -> byName.putIfAbsent(topic.name(namespace), topic));
      List<NewTopic> missing =
          byName.entrySet().stream()
              .filter(entry -> !existing.contains(entry.getKey()))
              .map(entry -> newTopic(entry.getKey(), entry.getValue(), kafka))
              .toList();
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
          LOG.info(
              "created topic {} partitions={} replication={}",
              entry.getKey(),
              kafka.partitions(),
              kafka.replicationFactor());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      // Also the ones another instance is creating at this moment (TopicExistsException, or listed
      // already): their partitions may not have reached the broker answering this one.
      awaitLeaders(admin, List.copyOf(byName.keySet()));
      keepPublicTopics(admin, byName, existing, kafka);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot create topics on " + kafka.bootstrapServers() + ": " + rootMessage(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /**
   * A topic is created before every broker knows its partitions' leaders; a producer writing in
   * that moment gets NOT_LEADER_OR_FOLLOWER, and an idempotent one can then be stuck on
   * OUT_OF_ORDER_SEQUENCE_NUMBER until its sends expire, and a consumer asking for the partitions
   * sees none. So services start only once every partition of each topic they use has a leader,
   * also when a second instance starting at the same moment created the topic.
   */
  private static void awaitLeaders(Admin admin, List<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (topics.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      boolean ready;
      try {
        ready =
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                .allMatch(
                    d ->
                        !d.partitions().isEmpty()
                            && d.partitions().stream()
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
      } catch (ExecutionException e) {
        // The broker answering may not know the new topic yet: that is the wait itself.
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        ready = false;
      }
      if (ready) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("partitions of " + topics + " have no leader after 30 s");
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** How long a topic's records are kept: the operators' setting for the public ones. */
  private static Duration retention(Topic<?, ?> topic, KafkaSettings kafka) {
    return topic.publicTopic() ? kafka.publicRetention() : topic.retention();
  }

  /**
   * A public topic made before (by an earlier release, or with another setting) gets the configured
   * retention: only a longer or shorter keep, nothing else is changed.
   */
  private static void keepPublicTopics(
      Admin admin, Map<String, Topic<?, ?>> byName, Set<String> existing, KafkaSettings kafka)
      throws InterruptedException, ExecutionException, TimeoutException {
    String wanted = Long.toString(kafka.publicRetention().toMillis());
    for (var entry : byName.entrySet()) {
      if (!entry.getValue().publicTopic() || !existing.contains(entry.getKey())) {
        continue;
      }
      var resource = new ConfigResource(ConfigResource.Type.TOPIC, entry.getKey());
      var current =
          admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      var retention = current.get("retention.ms");
      if (retention != null && wanted.equals(retention.value())) {
        continue;
      }
      admin
          .incrementalAlterConfigs(
              Map.of(
                  resource,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("retention.ms", wanted), AlterConfigOp.OpType.SET))))
          .all()
          .get(30, TimeUnit.SECONDS);
      LOG.info(
          "topic {} now keeps records for {} (kafka.publicRetention; was {} ms)",
          entry.getKey(),
          kafka.publicRetention(),
          retention == null ? "?" : retention.value());
    }
  }

  private static NewTopic newTopic(String name, Topic<?, ?> topic, KafkaSettings kafka) {
    var configs = new java.util.HashMap<String, String>();
    configs.put("compression.type", "producer");
    configs.put("cleanup.policy", topic.compacted() ? "compact" : "delete");
    Duration retention = retention(topic, kafka);
    if (retention != null) {
      configs.put("retention.ms", Long.toString(retention.toMillis()));
    }
    return new NewTopic(name, kafka.partitions(), kafka.replicationFactor()).configs(configs);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
