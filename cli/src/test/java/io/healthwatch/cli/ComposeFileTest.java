package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.enricher.EnricherConfig;
import io.healthwatch.indexer.IndexerConfig;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against what the services read, without Docker: each service's config file
 * loads with its own loader (no unknown key), its health check and Prometheus target use its ops
 * port, state and topics are on volumes, images are the versions the build tests with, and the
 * environment variables it sets are keys of the service they are given to.
 */
class ComposeFileTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> SERVICES =
      List.of("crawler", "enricher", "indexer", "editorial");

  private static Path root;
  private static JsonNode compose;

  @BeforeAll
  static void read() throws Exception {
    root = Infrastructure.projectRoot();
    compose = YAML.readTree(root.resolve("docker-compose.yml").toFile()).get("services");
  }

  @Test
  void eachServiceConfigLoadsAndItsHealthCheckAndScrapeUseItsOpsPort() throws Exception {
    var prometheus = Files.readString(root.resolve("config/prometheus/prometheus.yml"));
    for (String service : SERVICES) {
      JsonNode entry = compose.get(service);
      assertNotNull(entry, service + " is in the compose file");
      String command = entry.get("command").toString();
      assertTrue(command.contains("/config/compose/" + service + ".yml"), command);
      Path file = root.resolve("config/compose/" + service + ".yml");
      int port = opsPort(service, file);
      String check = entry.at("/healthcheck/test").toString();
      assertTrue(check.contains("/dev/tcp/127.0.0.1/" + port) && check.contains("/ready"), check);
      assertTrue(prometheus.contains(service + ":" + port), service + " scraped on " + port);
      assertTrue(
          entry.get("restart") != null && entry.get("depends_on") != null, service + " restart");
    }
    for (String dependency : List.of("kafka", "opensearch")) {
      assertNotNull(compose.get(dependency).get("healthcheck"), dependency + " health check");
    }
  }

  @Test
  void stateAndTopicsSurviveDownAndTheImageLetsTheEnricherWriteIts() throws Exception {
    var enricher =
        EnricherConfig.load(root.resolve("config/compose/enricher.yml"), Map.of(), Map.of());
    assertTrue(
        volumes("enricher").contains("enricher-state:" + enricher.stateDir()),
        "the enricher's stateDir is a volume: " + volumes("enricher"));
    String logDirs = compose.at("/kafka/environment/KAFKA_LOG_DIRS").asText();
    assertTrue(volumes("kafka").contains("kafka-data:" + logDirs), volumes("kafka").toString());
    String dockerfile = Files.readString(root.resolve("Dockerfile"));
    assertTrue(
        dockerfile.contains("chown healthwatch:healthwatch " + enricher.stateDir()), dockerfile);
    String ignore = Files.readString(root.resolve(".dockerignore"));
    for (String kept : List.of(".git", ".healthwatch", "**/target")) {
      assertTrue(ignore.lines().anyMatch(kept::equals), kept + " is not sent to the build");
    }
  }

  @Test
  void imagesAreTheVersionsTheBuildTestsWith() throws Exception {
    String pom = Files.readString(root.resolve("pom.xml"));
    assertEquals(
        "apache/kafka:" + property(pom, "kafka.version"), compose.at("/kafka/image").asText());
    String opensearch = property(pom, "opensearch.version");
    assertEquals(
        "opensearchproject/opensearch:" + opensearch, compose.at("/opensearch/image").asText());
    assertEquals(
        "opensearchproject/opensearch-dashboards:" + opensearch,
        compose.at("/dashboards/image").asText());
  }

  @Test
  void theEnvironmentItSetsNamesKeysOfTheServiceItIsGivenTo() {
    for (String service : SERVICES) {
      JsonNode environment = compose.get(service).get("environment");
      if (environment == null) {
        continue;
      }
      var names = new ArrayList<String>();
      environment.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String prefix = "HEALTHWATCH_" + service.toUpperCase() + "_";
        assertTrue(name.startsWith(prefix), name + " is not read by " + service);
        // Loading with it set proves the key exists (an unknown one stops the loader).
        var env = Map.of(name, "pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0$" + "A".repeat(43));
        if (service.equals("editorial")) {
          EditorialConfig.load(root.resolve("config/compose/editorial.yml"), env, Map.of());
        }
      }
    }
  }

  private static int opsPort(String service, Path file) {
    return switch (service) {
      case "crawler" -> CrawlerConfig.load(file, Map.of(), Map.of()).ops().port();
      case "enricher" -> EnricherConfig.load(file, Map.of(), Map.of()).ops().port();
      case "indexer" -> IndexerConfig.load(file, Map.of(), Map.of()).ops().port();
      case "editorial" -> EditorialConfig.load(file, Map.of(), Map.of()).ops().port();
      default -> throw new IllegalArgumentException(service);
    };
  }

  private static List<String> volumes(String service) {
    var list = new ArrayList<String>();
    compose.get(service).get("volumes").forEach(v -> list.add(v.asText()));
    return list;
  }

  private static String property(String pom, String name) {
    var m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertTrue(m.find(), name + " in the root pom");
    return m.group(1);
  }
}
