package io.healthwatch.devstack.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1, run
 * from the {@code org.apache.kafka:kafka_2.13} artifacts.
 */
public final class LocalKafka implements LocalService {
  private final ServicesConfig config;
  private final Path home;
  private final Path dist;
  private final Path dataDir;
  private final DetachedProcess process;

  public LocalKafka(ServicesConfig config, Path home) {
    this.config = config;
    this.home = home;
    this.dist = home.resolve("dist").resolve("kafka-" + Versions.kafka());
    this.dataDir = home.resolve("kafka").resolve("data");
    this.process =
        new DetachedProcess("kafka", home.resolve("run/kafka.pid"), home.resolve("logs/kafka.log"));
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public Status start() {
    if (process.running().isPresent()) {
      return waitHealthy();
    }
    DetachedProcess.requireFreePort(config.kafkaPort(), "Kafka", "HEALTHWATCH_SERVICES_KAFKA_PORT");
    DetachedProcess.requireFreePort(
        config.kafkaSecurePort(), "Kafka SASL_SSL", "HEALTHWATCH_SERVICES_KAFKA_SECURE_PORT");
    DetachedProcess.requireFreePort(
        config.kafkaControllerPort(),
        "Kafka controller",
        "HEALTHWATCH_SERVICES_KAFKA_CONTROLLER_PORT");
    install();
    Path properties = writeServerProperties();
    formatStorageOnce(properties);
    process.start(
        List.of(
            java(),
            "-Xms" + config.kafkaHeap(),
            "-Xmx" + config.kafkaHeap(),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            dist.resolve("lib") + "/*",
            "kafka.Kafka",
            properties.toString()),
        Map.of(),
        home);
    return waitHealthy();
  }

  @Override
  public boolean stop() {
    return process.stop(Duration.ofSeconds(30));
  }

  @Override
  public Status status() {
    var handle = process.running();
    if (handle.isEmpty()) {
      return new Status(name(), -1, false, config.kafkaBootstrap(), "stopped");
    }
    String problem = healthProblem(Duration.ofSeconds(3));
    return new Status(
        name(),
        handle.get().pid(),
        problem == null,
        config.kafkaBootstrap(),
        problem == null ? "Kafka " + Versions.kafka() + " KRaft, data " + dataDir : problem);
  }

  private Status waitHealthy() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.startTimeoutSeconds());
    String problem = "not started";
    while (System.nanoTime() < deadline) {
      if (process.running().isEmpty()) {
        throw new ServiceException("Kafka exited during start-up; see " + process.logFile());
      }
      problem = healthProblem(Duration.ofSeconds(2));
      if (problem == null) {
        return status();
      }
      DetachedProcess.sleep(500);
    }
    throw new ServiceException(
        "Kafka did not become healthy in "
            + config.startTimeoutSeconds()
            + " s ("
            + problem
            + "); see "
            + process.logFile());
  }

  private String healthProblem(Duration timeout) {
    var props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(props)) {
      int nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
              .nodes()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .size();
      return nodes > 0 ? null : "no broker registered yet";
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return "broker not answering on " + config.kafkaBootstrap();
    }
  }

  private void install() {
    if (Files.isRegularFile(dist.resolve(".complete"))) {
      return;
    }
    new MavenFetcher(home.resolve("dist"))
        .copyWithDependencies(
            List.of(
                "org.apache.kafka:kafka_2.13:" + Versions.kafka(),
                "org.slf4j:slf4j-simple:" + Versions.slf4j()),
            dist.resolve("lib"));
    try {
      Files.writeString(dist.resolve(".complete"), "kafka " + Versions.kafka() + "\n");
    } catch (IOException e) {
      throw new ServiceException("cannot write to " + dist + ": " + e.getMessage(), e);
    }
  }

  /** The user the SASL_SSL listener knows. */
  public static final String SASL_USER = "healthwatch";

  /**
   * What a client sets in {@code kafka.properties} to use the SASL_SSL listener (with {@code
   * kafka.bootstrapServers} at {@link ServicesConfig#kafkaSecureBootstrap()}): SASL/PLAIN as
   * {@value #SASL_USER} over TLS, trusting the local certificate.
   */
  public Map<String, String> secureClientProperties() {
    var tls = new LocalTls(home.resolve("kafka").resolve("tls")).ensure();
    return Map.of(
        "security.protocol",
        "SASL_SSL",
        "sasl.mechanism",
        "PLAIN",
        "sasl.jaas.config",
        plainLogin(SASL_USER, saslPassword()),
        "ssl.truststore.location",
        tls.trustStore().toString(),
        "ssl.truststore.type",
        "PKCS12",
        "ssl.truststore.password",
        tls.password());
  }

  /** A PLAIN login as Kafka's JAAS line, quoting the values. */
  public static String plainLogin(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  private String saslPassword() {
    Path file = home.resolve("kafka").resolve("tls").resolve("sasl-password");
    try {
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, LocalTls.secret() + "\n");
        LocalTls.restrict(file);
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new ServiceException("cannot keep the local SASL password in " + file + ": " + e, e);
    }
  }

  private Path writeServerProperties() {
    String controller = "127.0.0.1:" + config.kafkaControllerPort();
    var tls = new LocalTls(home.resolve("kafka").resolve("tls")).ensure();
    String password = saslPassword();
    String text =
        String.join(
            "\n",
            "# Written by ./healthwatch services start; edits are replaced at the next start.",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@" + controller,
            "listeners=PLAINTEXT://"
                + config.kafkaBootstrap()
                + ",SASL_SSL://"
                + config.kafkaSecureBootstrap()
                + ",CONTROLLER://"
                + controller,
            "advertised.listeners=PLAINTEXT://"
                + config.kafkaBootstrap()
                + ",SASL_SSL://"
                + config.kafkaSecureBootstrap(),
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT",
            // The secured listener: SASL/PLAIN over TLS, one user, the local certificate.
            "sasl.enabled.mechanisms=PLAIN",
            "listener.name.sasl_ssl.plain.sasl.jaas.config="
                + plainLogin(SASL_USER, password).replace(";", "")
                + " user_"
                + SASL_USER
                + "=\""
                + password
                + "\";",
            "ssl.keystore.location=" + tls.keyStore(),
            "ssl.keystore.type=PKCS12",
            "ssl.keystore.password=" + tls.password(),
            "ssl.key.password=" + tls.password(),
            "log.dirs=" + dataDir.toAbsolutePath(),
            "num.partitions=3",
            "auto.create.topics.enable=false",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "log.retention.hours=168",
            "");
    try {
      Files.createDirectories(dataDir);
      Path file = home.resolve("kafka").resolve("server.properties");
      Files.writeString(file, text);
      LocalTls.restrict(file); // it holds the listener's passwords
      return file;
    } catch (IOException e) {
      throw new ServiceException(
          "cannot write Kafka config under " + home + ": " + e.getMessage(), e);
    }
  }

  private void formatStorageOnce(Path properties) {
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    List<String> uuidOut = runTool(List.of("random-uuid"));
    String clusterId = uuidOut.get(uuidOut.size() - 1).trim();
    runTool(List.of("format", "-t", clusterId, "-c", properties.toString()));
  }

  private List<String> runTool(List<String> args) {
    var command =
        new ArrayList<>(
            List.of(
                java(),
                "-cp",
                dist.resolve("lib") + "/*",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "kafka.tools.StorageTool"));
    command.addAll(args);
    try {
      var process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      var out = new String(process.getInputStream().readAllBytes()).lines().toList();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
        throw new ServiceException(
            "Kafka storage tool failed (" + String.join(" ", args) + "): " + out);
      }
      return out;
    } catch (IOException e) {
      throw new ServiceException("cannot run the Kafka storage tool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceException("interrupted", e);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
