package io.healthwatch.devstack.services;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Settings of the local Kafka and OpenSearch processes: one broker and one node (the {@code
 * services} profile, services-defaults.yml) or a cluster of several of each (the {@code cluster}
 * profile, cluster-defaults.yml). Member {@code m} (from 1) of a cluster listens on the configured
 * ports plus {@code (m - 1) * portStep}.
 */
public record ServicesConfig(
    String home,
    String distributions,
    int kafkaBrokers,
    int kafkaPort,
    int kafkaControllerPort,
    int kafkaSecurePort,
    String kafkaHeap,
    int openSearchNodes,
    int openSearchPort,
    int openSearchTransportPort,
    String openSearchHeap,
    String openSearchJavaHome,
    String openSearchUser,
    int portStep,
    int startTimeoutSeconds) {

  public ServicesConfig {
    ConfigException.require(
        kafkaBrokers >= 1 && kafkaBrokers <= 9, "kafkaBrokers", kafkaBrokers, "1 to 9");
    ConfigException.require(
        openSearchNodes >= 1 && openSearchNodes <= 9, "openSearchNodes", openSearchNodes, "1 to 9");
    ConfigException.require(portStep >= 1, "portStep", portStep, "a positive number");
    var owners = new HashMap<Integer, String>();
    for (var port :
        allPorts(
            kafkaBrokers,
            openSearchNodes,
            portStep,
            kafkaPort,
            kafkaControllerPort,
            kafkaSecurePort,
            openSearchPort,
            openSearchTransportPort)) {
      ConfigException.require(
          port.getKey() > 0 && port.getKey() < 65536,
          port.getValue(),
          port.getKey(),
          "a TCP port from 1 to 65535 (for every member, with portStep)");
      String other = owners.putIfAbsent(port.getKey(), port.getValue());
      ConfigException.require(
          other == null,
          port.getValue(),
          port.getKey(),
          "a port no other listener uses (" + other + " has it too; change it or portStep)");
    }
    ConfigException.require(
        heap(kafkaHeap), "kafkaHeap", kafkaHeap, "a JVM heap size such as 512m or 1g");
    ConfigException.require(
        heap(openSearchHeap), "openSearchHeap", openSearchHeap, "a JVM heap size such as 512m");
    ConfigException.require(
        startTimeoutSeconds > 0, "startTimeoutSeconds", startTimeoutSeconds, "a positive number");
  }

  /** Every member's port, each with the key (and member) it comes from. */
  private static List<Map.Entry<Integer, String>> allPorts(
      int brokers,
      int nodes,
      int step,
      int kafka,
      int controller,
      int secure,
      int http,
      int transport) {
    var ports = new java.util.ArrayList<Map.Entry<Integer, String>>();
    var bases =
        List.of(
            Map.entry("kafkaPort", kafka),
            Map.entry("kafkaControllerPort", controller),
            Map.entry("kafkaSecurePort", secure),
            Map.entry("openSearchPort", http),
            Map.entry("openSearchTransportPort", transport));
    for (var base : bases) {
      int members = base.getKey().startsWith("kafka") ? brokers : nodes;
      for (int m = 1; m <= members; m++) {
        String key = members == 1 ? base.getKey() : base.getKey() + " of member " + m;
        ports.add(Map.entry(base.getValue() + (m - 1) * step, key));
      }
    }
    return ports;
  }

  private static boolean heap(String value) {
    return value != null && value.matches("\\d+[mMgG]");
  }

  /** One broker and one node: defaults, then {@code HEALTHWATCH_SERVICES_*} variables. */
  public static ServicesConfig load(Map<String, String> env) {
    return ConfigLoader.load(
        ServicesConfig.class, "services", "devstack/services-defaults.yml", null, env, Map.of());
  }

  /** The local cluster: defaults, then {@code HEALTHWATCH_CLUSTER_*} variables. */
  public static ServicesConfig loadCluster(Map<String, String> env) {
    return ConfigLoader.load(
        ServicesConfig.class, "cluster", "devstack/cluster-defaults.yml", null, env, Map.of());
  }

  /** The folder for data, logs and PID files, resolved against the project root. */
  public Path homeIn(Path projectRoot) {
    return resolve(projectRoot, home);
  }

  /** Where the downloaded distributions are unpacked (shared by the profiles). */
  public Path distributionsIn(Path projectRoot) {
    return resolve(projectRoot, distributions);
  }

  private static Path resolve(Path projectRoot, String folder) {
    Path path = Path.of(folder);
    return path.isAbsolute() ? path : projectRoot.resolve(path).normalize();
  }

  /** A port of member {@code m} (from 1). */
  public int memberPort(int base, int member) {
    return base + (member - 1) * portStep;
  }

  /** Topic replicas a cluster of this many brokers gives its own topics: up to three. */
  public int kafkaReplication() {
    return Math.min(3, kafkaBrokers);
  }

  /**
   * Replicas that must have a write before it is acknowledged: two with three replicas, so one
   * broker can be down without stopping producers and an acknowledged write survives losing one.
   */
  public int kafkaMinInsyncReplicas() {
    return kafkaReplication() >= 3 ? 2 : 1;
  }

  /** Every broker's client listener, as {@code kafka.bootstrapServers} takes them. */
  public String kafkaBootstrap() {
    return members(kafkaBrokers, m -> "127.0.0.1:" + memberPort(kafkaPort, m));
  }

  /** Every broker's SASL_SSL listener (user and password, TLS with the local certificate). */
  public String kafkaSecureBootstrap() {
    return members(kafkaBrokers, m -> "127.0.0.1:" + memberPort(kafkaSecurePort, m));
  }

  /** Every node's HTTP address, as {@code opensearch.url} takes them. */
  public String openSearchUrl() {
    return members(openSearchNodes, this::openSearchNodeUrl);
  }

  public String openSearchNodeUrl(int member) {
    return "http://127.0.0.1:" + memberPort(openSearchPort, member);
  }

  private static String members(int count, java.util.function.IntFunction<String> address) {
    return IntStream.rangeClosed(1, count).mapToObj(address).collect(Collectors.joining(","));
  }
}
