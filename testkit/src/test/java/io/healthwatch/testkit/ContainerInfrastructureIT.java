package io.healthwatch.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * On a machine with a Docker engine the shared fixture runs Kafka and OpenSearch in containers;
 * without one this class is skipped (the other integration tests then use local processes).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureIT {
  @Test
  void fixtureUsesContainersThatAnswer() throws Exception {
    var endpoints = Infrastructure.get();
    assertEquals("containers", endpoints.kind());
    var props = new Properties();
    props.put("bootstrap.servers", endpoints.kafkaBootstrap());
    try (var admin = Admin.create(props)) {
      assertTrue(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size() >= 1);
    }
    var health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(endpoints.openSearchUrl() + "/_cluster/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
  }
}
