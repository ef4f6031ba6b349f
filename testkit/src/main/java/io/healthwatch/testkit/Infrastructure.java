package io.healthwatch.testkit;

import io.healthwatch.devstack.services.LocalServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one place integration tests get a real Kafka broker and a real OpenSearch node from:
 * containers where a Docker engine answers, otherwise the local processes of {@code ./healthwatch
 * services} (started if needed, left running for the next test run). Tests see only the endpoints,
 * so the same tests run either way; each test takes its own namespace.
 */
public final class Infrastructure {
  private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);
  private static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
  private static final String OPENSEARCH_IMAGE = "opensearchproject/opensearch:3.0.0";

  /** Where the broker and the node are. */
  public record Endpoints(String kafkaBootstrap, String openSearchUrl, String kind) {}

  private static Endpoints endpoints;

  private Infrastructure() {}

  public static synchronized Endpoints get() {
    if (endpoints == null) {
      endpoints = dockerAvailable() ? containers() : localProcesses();
      LOG.info(
          "integration tests use {}: kafka {} opensearch {}",
          endpoints.kind(),
          endpoints.kafkaBootstrap(),
          endpoints.openSearchUrl());
    }
    return endpoints;
  }

  /**
   * A fresh namespace for topic, group and index names: tests never see each other's data. The
   * prefix ends in {@code -it}; the name carries its creation time, so a later run can remove it.
   */
  public static String namespace(String prefix) {
    return StaleTestData.newNamespace(prefix, java.time.Instant.now());
  }

  /** The checkout's root: set by the build, else found by walking up to the launcher script. */
  public static Path projectRoot() {
    String fromBuild = System.getProperty("healthwatch.home");
    if (fromBuild != null && !fromBuild.isBlank()) {
      return Path.of(fromBuild);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("healthwatch"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "cannot find the project root (no ./healthwatch above "
              + Path.of("").toAbsolutePath()
              + "); set -Dhealthwatch.home");
    }
    return dir;
  }

  private static boolean dockerAvailable() {
    if ("local".equals(System.getenv("HEALTHWATCH_TEST_INFRA"))) {
      return false;
    }
    // Without a socket or DOCKER_HOST there is no engine to ask; skip Testcontainers' noisy probe.
    if (System.getenv("DOCKER_HOST") == null
        && !Files.exists(Path.of("/var/run/docker.sock"))
        && !Files.exists(Path.of(System.getProperty("user.home"), ".docker/run/docker.sock"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static Endpoints containers() {
    var kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
    // A plain container: the opensearch-testcontainers module needs Java 21, the tests run on 17.
    var openSearch =
        new GenericContainer<>(DockerImageName.parse(OPENSEARCH_IMAGE))
            .withEnv("discovery.type", "single-node")
            .withEnv("DISABLE_SECURITY_PLUGIN", "true")
            .withEnv("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m")
            .withExposedPorts(9200)
            .waitingFor(
                Wait.forHttp("/_cluster/health")
                    .forPort(9200)
                    .withStartupTimeout(Duration.ofMinutes(3)));
    kafka.start();
    openSearch.start();
    // Ryuk removes the containers when the test JVM exits.
    return new Endpoints(
        kafka.getBootstrapServers(),
        "http://" + openSearch.getHost() + ":" + openSearch.getMappedPort(9200),
        "containers");
  }

  private static Endpoints localProcesses() {
    var services = LocalServices.fromEnvironment(projectRoot());
    services.startAll();
    var config = services.config();
    StaleTestData.sweep(config.kafkaBootstrap(), config.openSearchUrl());
    return new Endpoints(config.kafkaBootstrap(), config.openSearchUrl(), "local processes");
  }
}
