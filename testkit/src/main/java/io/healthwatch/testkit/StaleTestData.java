package io.healthwatch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test namespaces carry their creation time ({@code <prefix>-it-<seconds base 36><4 hex>}); the
 * local broker and node outlive test runs, so at the start of a run the topics, groups, indices and
 * index templates of namespaces older than {@link #MAX_AGE} are removed. Without this every run
 * would leave about 30 indices behind, and the node stops creating them at 1,000 shards.
 */
final class StaleTestData {
  static final Duration MAX_AGE = Duration.ofHours(2);
  private static final Logger LOG = LoggerFactory.getLogger(StaleTestData.class);
  private static final Pattern NAMESPACE =
      Pattern.compile("^([a-z0-9-]*-it-(?:([0-9a-z]{6})[0-9a-f]{4}|[0-9a-f]{8}))(?=[.-])");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private StaleTestData() {}

  static String newNamespace(String prefix, Instant now) {
    if (!prefix.matches("[a-z0-9-]*-it")) {
      throw new IllegalArgumentException(
          "a test namespace prefix is lower case and ends in -it (found when stale), not '"
              + prefix
              + "'");
    }
    String seconds = Long.toString(now.getEpochSecond(), 36);
    return prefix
        + "-"
        + "0".repeat(Math.max(0, 6 - seconds.length()))
        + seconds
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** The test namespace a topic, group, index or template belongs to, if it is stale. */
  static Optional<String> staleNamespace(String name, Instant now) {
    Matcher matcher = NAMESPACE.matcher(name);
    if (!matcher.find()) {
      return Optional.empty();
    }
    // Namespaces of the earlier form (8 hex digits) have no time; no running test uses them.
    if (matcher.group(2) != null) {
      Instant created = Instant.ofEpochSecond(Long.parseLong(matcher.group(2), 36));
      if (created.plus(MAX_AGE).isAfter(now)) {
        return Optional.empty();
      }
    }
    return Optional.of(matcher.group(1));
  }

  static void sweep(String kafkaBootstrap, String openSearchUrl) {
    Instant now = Instant.now();
    try {
      sweepOpenSearch(openSearchUrl, now);
      sweepKafka(kafkaBootstrap, now);
    } catch (Exception e) {
      LOG.warn("could not remove stale test data (tests go on): {}", e.toString());
    }
  }

  private static void sweepOpenSearch(String url, Instant now) throws Exception {
    var indices = new ArrayList<String>();
    for (JsonNode row : get(url + "/_cat/indices?h=index&format=json")) {
      String index = row.path("index").asText();
      staleNamespace(index, now).ifPresent(ns -> indices.add(index));
    }
    for (int i = 0; i < indices.size(); i += 20) {
      delete(url + "/" + String.join(",", indices.subList(i, Math.min(indices.size(), i + 20))));
    }
    int templates = 0;
    for (JsonNode template : get(url + "/_index_template").path("index_templates")) {
      String name = template.path("name").asText();
      if (staleNamespace(name, now).isPresent()) {
        delete(url + "/_index_template/" + name);
        templates++;
      }
    }
    if (!indices.isEmpty() || templates > 0) {
      LOG.info(
          "removed {} indices and {} templates of stale test namespaces",
          indices.size(),
          templates);
    }
  }

  private static void sweepKafka(String bootstrap, Instant now) throws Exception {
    try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      List<String> topics =
          admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
              .filter(topic -> staleNamespace(topic, now).isPresent())
              .toList();
      if (!topics.isEmpty()) {
        admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
      }
      List<String> groups =
          admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
              .map(ConsumerGroupListing::groupId)
              .filter(group -> staleNamespace(group, now).isPresent())
              .toList();
      if (!groups.isEmpty()) {
        // A group with members left (none should be) is refused; the next sweep tries again.
        try {
          admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          LOG.debug("some stale groups remain: {}", e.getCause().toString());
        }
      }
      if (!topics.isEmpty() || !groups.isEmpty()) {
        LOG.info(
            "removed {} topics and {} groups of stale test namespaces",
            topics.size(),
            groups.size());
      }
    }
  }

  private static JsonNode get(String url) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode());
    }
    return Json.mapper().readTree(response.body());
  }

  private static void delete(String url) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300 && response.statusCode() != 404) {
      throw new IllegalStateException(
          "DELETE " + url + ": HTTP " + response.statusCode() + " " + response.body());
    }
  }
}
