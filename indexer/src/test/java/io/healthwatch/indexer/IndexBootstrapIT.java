package io.healthwatch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.testkit.Infrastructure;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;

/** Index creation and upgrade on the real node. */
class IndexBootstrapIT {
  @Test
  void fieldsAddedToTheMappingReachAnExistingIndex() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("bootstrap-it");
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(endpoints.openSearchUrl(), "", ""));
    // As an earlier release made it: today's crawl-status index without the "redirectedTo" field.
    var old =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            io.healthwatch.contracts.Json.mapper()
                .readTree(
                    getClass()
                        .getClassLoader()
                        .getResourceAsStream(Indices.CRAWL_STATUS.mappingResource()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) old.at("/mappings/properties"))
        .remove("redirectedTo");
    old.putObject("aliases").putObject(Indices.CRAWL_STATUS.alias(ns)).put("is_write_index", true);
    try (var response =
        client
            .generic()
            .execute(
                Requests.builder()
                    .method("PUT")
                    .endpoint("/" + Indices.CRAWL_STATUS.index(ns))
                    .body(
                        Body.from(
                            io.healthwatch.contracts.Json.mapper().writeValueAsBytes(old),
                            "application/json"))
                    .build())) {
      assertTrue(response.getStatus() < 300, "old index created");
    }
    assertFalse(fields(client, ns).contains("\"redirectedTo\""));

    IndexBootstrap.ensure(client, ns, 0);

    assertTrue(fields(client, ns).contains("\"redirectedTo\""), fields(client, ns));
  }

  @Test
  void newIndicesAnalyseChineseWithWhatTheNodeOffers() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("analyzer-it");
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(endpoints.openSearchUrl(), "", ""));
    ChineseAnalyzer offered = ChineseAnalyzer.available(client);

    IndexBootstrap.ensure(client, ns, 0);

    assertEquals(Optional.of(offered), ChineseAnalyzer.of(client, Indices.ARTICLES.alias(ns)));
    assertEquals(Optional.empty(), ChineseAnalyzer.of(client, Indices.CRAWL_STATUS.alias(ns)));
    String tokens = analyseTitle(client, Indices.ARTICLES.alias(ns), "支付宝上线医保码");
    if (offered == ChineseAnalyzer.SMARTCN) {
      assertTrue(tokens.contains("\"支付\"") && !tokens.contains("\"付宝\""), tokens);
    } else {
      assertTrue(tokens.contains("\"付宝\"") && tokens.contains("\"保码\""), tokens);
    }
  }

  @Test
  void operatorsCanChooseCjkForSpeedAndSmartcnOnlyWhereTheNodeHasIt() throws Exception {
    var endpoints = Infrastructure.get();
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(endpoints.openSearchUrl(), "", ""));
    String ns = Infrastructure.namespace("analyzer-it");
    IndexBootstrap.ensure(client, ns, 0, "cjk");
    assertEquals(
        Optional.of(ChineseAnalyzer.CJK), ChineseAnalyzer.of(client, Indices.ARTICLES.alias(ns)));
    if (ChineseAnalyzer.available(client) == ChineseAnalyzer.CJK) {
      var error =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.io.IOException.class,
              () ->
                  IndexBootstrap.ensure(
                      client, Infrastructure.namespace("analyzer-it"), 0, "smartcn"));
      assertTrue(error.getMessage().contains("no smartcn analyzer"), error.getMessage());
    }
    var bad =
        org.junit.jupiter.api.Assertions.assertThrows(
            RuntimeException.class,
            () ->
                IndexerConfig.load(
                    null, java.util.Map.of(), java.util.Map.of("chineseAnalysis", "ik")));
    assertTrue(bad.getMessage().contains("chineseAnalysis"), bad.getMessage());
  }

  private static String analyseTitle(OpenSearchClient client, String alias, String text)
      throws Exception {
    byte[] body =
        io.healthwatch.contracts.Json.mapper()
            .writeValueAsBytes(
                io.healthwatch.contracts.Json.mapper()
                    .createObjectNode()
                    .put("field", "title")
                    .put("text", text));
    try (var response =
        client
            .generic()
            .execute(
                Requests.builder()
                    .method("POST")
                    .endpoint("/" + alias + "/_analyze")
                    .body(Body.from(body, "application/json"))
                    .build())) {
      return response.getBody().map(Body::bodyAsString).orElse("");
    }
  }

  private static String fields(OpenSearchClient client, String ns) throws Exception {
    try (var response =
        client
            .generic()
            .execute(
                Requests.builder()
                    .method("GET")
                    .endpoint("/" + Indices.CRAWL_STATUS.alias(ns) + "/_mapping")
                    .build())) {
      return response.getBody().map(Body::bodyAsString).orElse("");
    }
  }
}
