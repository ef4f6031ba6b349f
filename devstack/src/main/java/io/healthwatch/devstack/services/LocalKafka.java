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
 * A Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1, run from the
 * {@code org.apache.kafka:kafka_2.13} artifacts: the single broker of the local services, or one
 * member of a local cluster, where every member is also a controller voter.
 */
public final class LocalKafka implements LocalService {
  /** Members of one home install and make their certificate and cluster id one at a time. */
  private static final Object SHARED_FILES = new Object();

  private final ServicesConfig config;
  private final Path home;
  private final ServicesLayout layout;
  private final Path dist;
  private final int member;
  private final Path memberDir;
  private final Path dataDir;
  private final DetachedProcess process;

  /** The single broker of the local services, its downloads under {@code home/dist}. */
  public LocalKafka(ServicesConfig config, Path home) {
    this(config, new ServicesLayout(home, home.resolve("dist"), "services"), 1);
  }

  /**
   * @param member from 1 to {@link ServicesConfig#kafkaBrokers()}: its node id and its ports
   */
  public LocalKafka(ServicesConfig config, ServicesLayout layout, int member) {
    this.config = config;
    this.layout = layout;
    this.home = layout.home();
    this.member = member;
    this.dist = layout.dists().resolve("kafka-" + Versions.kafka());
    this.memberDir = home.resolve(config.kafkaBrokers() == 1 ? "kafka" : "kafka-" + member);
    this.dataDir = memberDir.resolve("data");
    this.process =
        new DetachedProcess(
            name(),
            home.resolve("run/" + name() + ".pid"),
            home.resolve("logs/" + name() + ".log"));
  }

  @Override
  public String name() {
    return config.kafkaBrokers() == 1 ? "kafka" : "kafka-" + member;
  }

  /** This broker's client listener. */
  public String bootstrap() {
    return "127.0.0.1:" + config.memberPort(config.kafkaPort(), member);
  }

  private String secureBootstrap() {
    return "127.0.0.1:" + config.memberPort(config.kafkaSecurePort(), member);
  }

  private String controllerAddress(int m) {
    return "127.0.0.1:" + config.memberPort(config.kafkaControllerPort(), m);
  }

  @Override
  public Status start() {
    if (process.running().isPresent()) {
      return waitHealthy();
    }
    DetachedProcess.requireFreePort(
        config.memberPort(config.kafkaPort(), member), label(""), layout.envVariable("kafkaPort"));
    DetachedProcess.requireFreePort(
        config.memberPort(config.kafkaSecurePort(), member),
        label(" SASL_SSL"),
        layout.envVariable("kafkaSecurePort"));
    DetachedProcess.requireFreePort(
        config.memberPort(config.kafkaControllerPort(), member),
        label(" controller"),
        layout.envVariable("kafkaControllerPort"));
    Path properties;
    synchronized (SHARED_FILES) {
      install();
      properties = writeServerProperties();
      formatStorageOnce(properties);
    }
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

  private String label(String listener) {
    return (config.kafkaBrokers() == 1 ? "Kafka" : "Kafka broker " + member) + listener;
  }

  @Override
  public boolean stop() {
    return process.stop(Duration.ofSeconds(30));
  }

  @Override
  public Status status() {
    var handle = process.running();
    if (handle.isEmpty()) {
      return new Status(name(), -1, false, bootstrap(), "stopped");
    }
    String problem = healthProblem(Duration.ofSeconds(3));
    return new Status(
        name(),
        handle.get().pid(),
        problem == null,
        bootstrap(),
        problem == null ? "Kafka " + Versions.kafka() + " KRaft, data " + dataDir : problem);
  }

  private Status waitHealthy() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.startTimeoutSeconds());
    String problem = "not started";
    while (System.nanoTime() < deadline) {
      if (process.running().isEmpty()) {
        throw new ServiceException(name() + " exited during start-up; see " + process.logFile());
      }
      problem = healthProblem(Duration.ofSeconds(2));
      if (problem == null) {
        return status();
      }
      DetachedProcess.sleep(500);
    }
    throw new ServiceException(
        name()
            + " did not become healthy in "
            + config.startTimeoutSeconds()
            + " s ("
            + problem
            + "); see "
            + process.logFile());
  }

  private String healthProblem(Duration timeout) {
    var props = new Properties();
    // This broker alone: in a cluster, another member answering says nothing about this one.
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(props)) {
      boolean registered =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
              .nodes()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .stream()
              .anyMatch(node -> node.id() == member);
      return registered ? null : "broker " + member + " not registered yet";
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return "broker not answering on " + bootstrap();
    }
  }

  private void install() {
    if (Files.isRegularFile(dist.resolve(".complete"))) {
      return;
    }
    new MavenFetcher(layout.dists())
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
    var tls = tls();
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
    synchronized (SHARED_FILES) {
      return readOrMakeSaslPassword();
    }
  }

  private String readOrMakeSaslPassword() {
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

  /** One certificate for every member: clients trust one store whichever broker they reach. */
  private LocalTls.Material tls() {
    synchronized (SHARED_FILES) {
      return new LocalTls(home.resolve("kafka").resolve("tls")).ensure();
    }
  }

  private Path writeServerProperties() {
    var tls = tls();
    String password = readOrMakeSaslPassword();
    String voters =
        java.util.stream.IntStream.rangeClosed(1, config.kafkaBrokers())
            .mapToObj(m -> m + "@" + controllerAddress(m))
            .collect(java.util.stream.Collectors.joining(","));
    int replicas = config.kafkaReplication();
    int minIsr = config.kafkaMinInsyncReplicas();
    String text =
        String.join(
            "\n",
            "# Written by ./healthwatch services start; edits are replaced at the next start.",
            "process.roles=broker,controller",
            "node.id=" + member,
            "controller.quorum.voters=" + voters,
            "listeners=PLAINTEXT://"
                + bootstrap()
                + ",SASL_SSL://"
                + secureBootstrap()
                + ",CONTROLLER://"
                + controllerAddress(member),
            "advertised.listeners=PLAINTEXT://" + bootstrap() + ",SASL_SSL://" + secureBootstrap(),
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
            // Topics made without a replication factor, and the brokers' own, get the cluster's.
            "default.replication.factor=" + replicas,
            "min.insync.replicas=" + minIsr,
            "offsets.topic.replication.factor=" + replicas,
            "transaction.state.log.replication.factor=" + replicas,
            "transaction.state.log.min.isr=" + minIsr,
            "share.coordinator.state.topic.replication.factor=" + replicas,
            "share.coordinator.state.topic.min.isr=" + minIsr,
            "group.initial.rebalance.delay.ms=0",
            "log.retention.hours=168",
            "");
    try {
      Files.createDirectories(dataDir);
      Path file = memberDir.resolve("server.properties");
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
    runTool(List.of("format", "-t", clusterId(), "-c", properties.toString()));
  }

  /** Made once per home: every member's storage is formatted with the same cluster id. */
  private String clusterId() {
    Path file = home.resolve("kafka").resolve("cluster.id");
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file).strip();
      }
      List<String> uuidOut = runTool(List.of("random-uuid"));
      String id = uuidOut.get(uuidOut.size() - 1).trim();
      Files.createDirectories(file.getParent());
      Files.writeString(file, id + "\n");
      return id;
    } catch (IOException e) {
      throw new ServiceException("cannot keep the Kafka cluster id in " + file + ": " + e, e);
    }
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
