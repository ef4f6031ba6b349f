package io.healthwatch.devstack.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local services of {@code ./healthwatch services}, as the tests and the demo use them. */
class LocalServicesIT {
  @TempDir Path otherHome;

  private static Path projectRoot() {
    return Path.of(System.getProperty("healthwatch.home", "..")).toAbsolutePath();
  }

  @Test
  void startingTwiceLeavesOneBrokerAndOneNode() {
    var services = LocalServices.fromEnvironment(projectRoot());
    var first = services.startAll();
    var second = services.startAll();
    for (int i = 0; i < first.size(); i++) {
      assertTrue(first.get(i).healthy(), first.get(i).toString());
      assertEquals(first.get(i).pid(), second.get(i).pid(), "same process after a second start");
    }
    assertTrue(services.statusAll().stream().allMatch(LocalService.Status::healthy));
  }

  @Test
  void theNodeSegmentsChineseWordsWithTheBundledSmartcnPlugin() throws Exception {
    var services = LocalServices.fromEnvironment(projectRoot());
    var node = services.startAll().get(1);
    assertTrue(node.detail().contains("with smartcn"), node.detail());
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(services.config().openSearchUrl() + "/_analyze"))
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"analyzer\":\"smartcn\",\"text\":\"武汉协和医院推出导诊\"}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    for (String word : new String[] {"\"武汉\"", "\"医院\"", "\"推出\""}) {
      assertTrue(response.body().contains(word), word + " in " + response.body());
    }
  }

  @Test
  void portTakenByAnotherProgramIsAOneLineError() throws Exception {
    try (var squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = squatter.getLocalPort();
      var config =
          ServicesConfig.load(
              Map.of(
                  "HEALTHWATCH_SERVICES_HOME",
                  otherHome.toString(),
                  "HEALTHWATCH_SERVICES_KAFKA_PORT",
                  Integer.toString(port)));
      var error =
          assertThrows(ServiceException.class, () -> new LocalKafka(config, otherHome).start());
      assertEquals(
          "port "
              + port
              + " (Kafka) is taken by another process; stop it or choose another port"
              + " with HEALTHWATCH_SERVICES_KAFKA_PORT=<port>",
          error.getMessage());
    }
  }

  @Test
  void openSearchWithoutASuitableJdkSaysSo() {
    var error =
        assertThrows(ServiceException.class, () -> JavaHomes.find(21, otherHome.toString(), null));
    assertTrue(error.getMessage().startsWith("no suitable JDK"), error.getMessage());
  }

  @Test
  void badSettingIsNamed() {
    var error =
        assertThrows(
            RuntimeException.class,
            () -> ServicesConfig.load(Map.of("HEALTHWATCH_SERVICES_KAFKA_HEAP", "lots")));
    assertTrue(error.getMessage().contains("kafkaHeap"), error.getMessage());
  }
}
