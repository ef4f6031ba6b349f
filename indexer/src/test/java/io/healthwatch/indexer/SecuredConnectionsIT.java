package io.healthwatch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.devstack.services.LocalKafka;
import io.healthwatch.devstack.services.LocalServices;
import io.healthwatch.testkit.Infrastructure;
import io.healthwatch.testkit.TlsAuthProxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secured connections, set by config alone, against real servers on loopback: the local
 * broker's SASL_SSL listener (SASL/PLAIN over TLS) and the node behind HTTPS with basic auth. The
 * right settings work end to end, wrong ones fail with a clear reason, and no secret shows in what
 * the clients log or in the settings' text.
 */
class SecuredConnectionsIT {
  @TempDir Path dir;

  @Test
  void kafkaOverSaslSslWithTheConfiguredPropertiesAndRefusedWithAWrongPassword() throws Exception {
    var endpoints = Infrastructure.get();
    Assumptions.assumeTrue(
        endpoints.kind().equals("local processes"),
        "uses the local broker's SASL_SSL listener; skipped with " + endpoints.kind());
    var services = LocalServices.fromEnvironment(Infrastructure.projectRoot());
    String secure = services.config().kafkaSecureBootstrap();
    Assumptions.assumeTrue(
        answers(services.config().kafkaSecurePort()),
        "the running local broker has no SASL_SSL listener on "
            + secure
            + " (started before it existed): ./healthwatch services stop, then start");
    Map<String, String> properties = services.kafka().secureClientProperties();
    var kafka = new KafkaSettings(secure, 3, (short) 1, properties);
    String ns = Infrastructure.namespace("secured-it");
    String log =
        capturingStderr(
            () -> {
              TopicProvisioner.ensure(kafka, ns, List.of(Topics.DEAD_LETTER));
              try (var producer =
                  new KafkaProducer<String, byte[]>(KafkaClients.producer(kafka, "secured-it"))) {
                producer
                    .send(
                        new ProducerRecord<>(
                            Topics.DEAD_LETTER.name(ns),
                            "k",
                            "{\"not\":\"a dead letter\"}".getBytes(StandardCharsets.UTF_8)))
                    .get();
              }
              var props = KafkaClients.consumer(kafka, "unused", "secured-it");
              props.remove(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG);
              var read = new java.util.ArrayList<String>();
              try (var consumer =
                  new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(props)) {
                var partitions =
                    consumer.partitionsFor(Topics.DEAD_LETTER.name(ns)).stream()
                        .map(
                            p ->
                                new org.apache.kafka.common.TopicPartition(
                                    p.topic(), p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (read.isEmpty() && System.nanoTime() < deadline) {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.key()));
                }
              }
              assertEquals(1, read.size(), "the record came back over SASL_SSL");
            });
    String password = properties.get("ssl.truststore.password");
    String jaas = properties.get("sasl.jaas.config");
    String saslPassword = jaas.replaceAll(".*password=\"([^\"]*)\".*", "$1");
    assertFalse(log.contains(saslPassword), "the SASL password was logged:\n" + log);
    assertFalse(log.contains(password), "the trust store password was logged:\n" + log);
    assertFalse(kafka.toString().contains(saslPassword), kafka.toString());

    var wrong = new HashMap<>(properties);
    wrong.put("sasl.jaas.config", LocalKafka.plainLogin(LocalKafka.SASL_USER, "not-the-password"));
    var refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                TopicProvisioner.ensure(
                    new KafkaSettings(secure, 3, (short) 1, wrong), ns, List.of(Topics.TAGGED)));
    assertTrue(refused.getMessage().contains("SaslAuthenticationException"), refused.getMessage());
    assertFalse(refused.getMessage().contains("not-the-password"), refused.getMessage());
  }

  @Test
  void openSearchOverHttpsWithBasicAuthAndRefusedWithoutTheRightOnes() throws Exception {
    var endpoints = Infrastructure.get();
    try (var proxy =
        TlsAuthProxy.start(endpoints.openSearchUrl(), "indexer", "s3cret-pw", dir.resolve("tls"))) {
      var settings =
          new OpenSearchSettings(
              proxy.url(),
              "indexer",
              "s3cret-pw",
              proxy.tls().trustStore().toString(),
              proxy.tls().password());
      assertFalse(settings.toString().contains("s3cret-pw"), settings.toString());
      String ns = Infrastructure.namespace("secured-os-it");
      var client = OpenSearchClients.create(settings);
      assertEquals(null, OpenSearchClients.health(client).get(), "ping over https with auth");
      IndexBootstrap.ensure(client, ns, 0, "cjk");
      client.index(
          i ->
              i.index(Indices.CRAWL_STATUS.alias(ns))
                  .id("1")
                  .document(Map.of("url", "http://a.cn/1.html"))
                  .refresh(org.opensearch.client.opensearch._types.Refresh.True));
      assertEquals(1, client.count(c -> c.index(Indices.CRAWL_STATUS.alias(ns))).count());
      client.indices().delete(d -> d.index(ns + "-*"));

      var wrongPassword =
          OpenSearchClients.create(
              new OpenSearchSettings(
                  proxy.url(),
                  "indexer",
                  "guess",
                  proxy.tls().trustStore().toString(),
                  proxy.tls().password()));
      String problem = OpenSearchClients.health(wrongPassword).get();
      assertTrue(problem != null && problem.contains("Unauthorized"), problem);
      assertTrue(proxy.refused() > 0);

      var untrusted =
          OpenSearchClients.create(new OpenSearchSettings(proxy.url(), "indexer", "s3cret-pw"));
      String tlsProblem = OpenSearchClients.health(untrusted).get();
      assertTrue(
          tlsProblem != null && tlsProblem.toLowerCase().contains("certif"),
          "a certificate the JVM does not trust is refused: " + tlsProblem);
    }
  }

  private static boolean answers(int port) {
    try (var socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Runs the body with stderr (where the logs go) captured, and returns what was written. */
  private static String capturingStderr(ThrowingRunnable body) throws Exception {
    var buffer = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
