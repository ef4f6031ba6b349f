package io.healthwatch.contracts.kafka;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.topic.Topic;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
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
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot create topics on " + kafka.bootstrapServers() + ": " + rootMessage(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private static NewTopic newTopic(String name, Topic<?, ?> topic, KafkaSettings kafka) {
    return new NewTopic(name, kafka.partitions(), kafka.replicationFactor())
        .configs(
            Map.of(
                "compression.type",
                "producer",
                "cleanup.policy",
                topic.compacted() ? "compact" : "delete"));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
