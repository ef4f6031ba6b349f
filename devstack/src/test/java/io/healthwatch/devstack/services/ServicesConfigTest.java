package io.healthwatch.devstack.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicesConfigTest {
  @Test
  void theDefaultIsOneBrokerAndOneNodeWithTopicsOfOneReplica() {
    var config = ServicesConfig.load(Map.of());
    assertEquals("127.0.0.1:9092", config.kafkaBootstrap());
    assertEquals("http://127.0.0.1:9200", config.openSearchUrl());
    assertEquals(1, config.kafkaReplication());
    assertEquals(1, config.kafkaMinInsyncReplicas());
  }

  @Test
  void theClusterListsEveryMemberOnItsOwnPortsAndKeepsTwoOfThreeReplicasInSync() {
    var config = ServicesConfig.loadCluster(Map.of());
    assertEquals("127.0.0.1:19092,127.0.0.1:19102,127.0.0.1:19112", config.kafkaBootstrap());
    assertEquals("http://127.0.0.1:19200,http://127.0.0.1:19210", config.openSearchUrl());
    assertEquals(3, config.kafkaReplication());
    assertEquals(2, config.kafkaMinInsyncReplicas());
    Path root = Path.of("/srv/hw");
    assertEquals(Path.of("/srv/hw/.healthwatch/cluster"), config.homeIn(root));
    assertEquals(
        ServicesConfig.load(Map.of()).distributionsIn(root),
        config.distributionsIn(root),
        "one download serves both profiles");
  }

  @Test
  void eachProfileReadsOnlyItsOwnVariables() {
    var env =
        Map.of(
            "HEALTHWATCH_CLUSTER_KAFKA_BROKERS", "5", "HEALTHWATCH_SERVICES_KAFKA_PORT", "29092");
    assertEquals(5, ServicesConfig.loadCluster(env).kafkaBrokers());
    assertEquals("127.0.0.1:19092", ServicesConfig.loadCluster(env).kafkaBootstrap().split(",")[0]);
    assertEquals(1, ServicesConfig.load(env).kafkaBrokers());
    assertEquals("127.0.0.1:29092", ServicesConfig.load(env).kafkaBootstrap());
  }

  @Test
  void membersWhosePortsOverlapAreRefusedNamingBoth() {
    var error =
        assertThrows(
            ConfigException.class,
            () -> ServicesConfig.loadCluster(Map.of("HEALTHWATCH_CLUSTER_PORT_STEP", "1")));
    // Broker 2's client port is broker 1's controller port.
    assertTrue(error.getMessage().contains("kafkaPort of member 2"), error.getMessage());
    assertTrue(error.getMessage().contains("kafkaControllerPort"), error.getMessage());
  }

  @Test
  void aPortClashMessageNamesTheVariableOfItsProfile() {
    var layout = new ServicesLayout(Path.of("h"), Path.of("d"), "cluster");
    assertEquals(
        "HEALTHWATCH_CLUSTER_OPEN_SEARCH_TRANSPORT_PORT",
        layout.envVariable("openSearchTransportPort"));
  }
}
