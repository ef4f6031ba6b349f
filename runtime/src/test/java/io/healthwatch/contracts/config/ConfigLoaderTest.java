package io.healthwatch.contracts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  record SampleConfig(String namespace, KafkaSettings kafka, OpsSettings ops) {}

  @TempDir Path dir;

  private SampleConfig load(String yaml, Map<String, String> env, Map<String, String> overrides)
      throws Exception {
    Path file = null;
    if (yaml != null) {
      file = dir.resolve("sample.yml");
      Files.writeString(file, yaml);
    }
    return ConfigLoader.load(
        SampleConfig.class, "sample", "sample-defaults.yml", file, env, overrides);
  }

  @Test
  void layersApplyInOrderDefaultsFileEnvironmentOverrides() throws Exception {
    var config =
        load(
            "kafka:\n  bootstrapServers: file:9092\n  partitions: 6\n",
            Map.of("HEALTHWATCH_SAMPLE_KAFKA__BOOTSTRAP_SERVERS", "env:9092", "PATH", "/bin"),
            Map.of("ops.port", "8081"));
    assertEquals("env:9092", config.kafka().bootstrapServers());
    assertEquals(6, config.kafka().partitions());
    assertEquals(1, config.kafka().replicationFactor(), "default kept");
    assertEquals(8081, config.ops().port());
  }

  @Test
  void unknownKeyIsNamedWithItsLine() {
    var error =
        assertThrows(
            ConfigException.class,
            () -> load("kafka:\n  bootstrapServer: x:1\n", Map.of(), Map.of()));
    assertTrue(error.getMessage().contains("'kafka.bootstrapServer'"), error.getMessage());
    assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    assertTrue(error.getMessage().contains("bootstrapServers"), "lists known keys");
  }

  @Test
  void badValueNamesKeyValueAndExpectation() {
    var error =
        assertThrows(
            ConfigException.class, () -> load("kafka:\n  partitions: 0\n", Map.of(), Map.of()));
    assertEquals(
        "config key 'kafka.partitions' has value '0': expected at least 1", error.getMessage());
    var notANumber =
        assertThrows(ConfigException.class, () -> load(null, Map.of(), Map.of("ops.port", "http")));
    assertTrue(notANumber.getMessage().contains("'ops.port'"), notANumber.getMessage());
  }

  @Test
  void missingFileIsAClearError() {
    var error =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    SampleConfig.class,
                    "sample",
                    "sample-defaults.yml",
                    dir.resolve("nope.yml"),
                    Map.of(),
                    Map.of()));
    assertTrue(error.getMessage().contains("does not exist"));
  }

  @Test
  void environmentNamesMapToCamelCaseKeys() {
    assertEquals("kafka.bootstrapServers", ConfigLoader.envNameToKey("KAFKA__BOOTSTRAP_SERVERS"));
    assertEquals("namespace", ConfigLoader.envNameToKey("NAMESPACE"));
    assertEquals("HEALTHWATCH_CRAWLER_", ConfigLoader.envPrefix("crawler"));
  }

  @Test
  void aComponentReadsOnlyItsOwnVariablesSoOneEnvironmentServesAll() throws Exception {
    // What broke before: the tests' switch, the local services' ports and another service's key,
    // all in the environment of one service, each stopped it as an unknown key.
    var config =
        load(
            null,
            Map.of(
                "HEALTHWATCH_TEST_INFRA", "local",
                "HEALTHWATCH_SERVICES_KAFKA_PORT", "19092",
                "HEALTHWATCH_INDEXER_OPENSEARCH__URL", "http://elsewhere:9200",
                "HEALTHWATCH_SAMPLE_OPS__PORT", "9999"),
            Map.of());
    assertEquals(9999, config.ops().port());
    // Its own unknown key still stops it, with the key.
    var typo =
        assertThrows(
            ConfigException.class,
            () -> load(null, Map.of("HEALTHWATCH_SAMPLE_KAFKA__BOOTSTRAP_SERVER", "x"), Map.of()));
    assertTrue(typo.getMessage().contains("bootstrapServer"), typo.getMessage());
  }
}
