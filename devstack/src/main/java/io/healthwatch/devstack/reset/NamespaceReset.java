package io.healthwatch.devstack.reset;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Namespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Removes everything of one namespace (topics, consumer groups, indices, a Streams state folder):
 * the demo starts from nothing each time and benchmarks leave nothing behind.
 */
public final class NamespaceReset {
  private final KafkaSettings kafka;
  private final OpenSearchClient openSearch;

  public NamespaceReset(KafkaSettings kafka, OpenSearchClient openSearch) {
    this.kafka = kafka;
    this.openSearch = openSearch;
  }

  /**
   * A stopped member lingers in its group until its session times out (Streams does not always
   * leave on close); removing it lets the group be deleted now.
   */
  private static void removeMembers(Admin admin, String group)
      throws InterruptedException, TimeoutException {
    try {
      admin
          .removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions())
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // An empty group has no member to remove.
    }
  }

  public void reset(String namespace, Path stateDir) throws IOException, InterruptedException {
    var ns = Namespace.of(namespace);
    if (ns.isNone()) {
      // The empty namespace is production's: its names have no prefix to tell them apart.
      throw new IllegalArgumentException("refusing to reset the empty namespace");
    }
    try (var admin = Admin.create(KafkaClients.common(kafka, "healthwatch-demo-reset"))) {
      Set<String> groups =
          admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
              .map(ConsumerGroupListing::groupId)
              .filter(ns::ownsTopicOrGroup)
              .collect(Collectors.toSet());
      for (String group : groups) {
        removeMembers(admin, group);
      }
      if (!groups.isEmpty()) {
        admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
      }
      Set<String> topics =
          admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
              .filter(ns::ownsTopicOrGroup)
              .collect(Collectors.toSet());
      if (!topics.isEmpty()) {
        admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
        // Deletion is asynchronous on the broker: creating the same names too early fails.
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline
            && admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .anyMatch(topics::contains)) {
          TimeUnit.MILLISECONDS.sleep(200);
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(
          "cannot reset the Kafka side of namespace " + namespace + ": " + e.getMessage(), e);
    }
    for (Indices index : Indices.values()) {
      // The first generation and any later one a reindex made (<index>-<time>).
      String name = index.index(namespace);
      var existing =
          openSearch
              .indices()
              .get(g -> g.index(name, name + "-*").ignoreUnavailable(true).allowNoIndices(true))
              .result()
              .keySet();
      if (!existing.isEmpty()) {
        openSearch.indices().delete(d -> d.index(List.copyOf(existing)));
      }
    }
    if (Files.isDirectory(stateDir)) {
      try (Stream<Path> paths = Files.walk(stateDir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
