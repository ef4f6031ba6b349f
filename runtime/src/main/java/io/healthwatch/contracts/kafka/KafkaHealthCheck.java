package io.healthwatch.contracts.kafka;

import io.healthwatch.contracts.config.KafkaSettings;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** A health check for the ops endpoint: null while the brokers answer, else why not. */
public final class KafkaHealthCheck implements Supplier<String>, AutoCloseable {
  private static final int TIMEOUT_MS = 2000;

  private final Admin admin;
  private final String bootstrap;

  public KafkaHealthCheck(KafkaSettings kafka, String clientId) {
    var props = KafkaClients.common(kafka, clientId);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    this.admin = Admin.create(props);
    this.bootstrap = kafka.bootstrapServers();
  }

  @Override
  public String get() {
    try {
      int nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
              .nodes()
              .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
              .size();
      return nodes > 0 ? null : "no Kafka broker registered at " + bootstrap;
    } catch (ExecutionException | TimeoutException e) {
      return "Kafka at " + bootstrap + " does not answer";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
