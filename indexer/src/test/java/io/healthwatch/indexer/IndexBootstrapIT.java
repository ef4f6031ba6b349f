package io.healthwatch.indexer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.testkit.Infrastructure;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;

/** An index made by an earlier release gains the fields the mapping has since: no reindex. */
class IndexBootstrapIT {
  @Test
  void fieldsAddedToTheMappingReachAnExistingIndex() throws Exception {
    var endpoints = Infrastructure.get();
    String ns = Infrastructure.namespace("bootstrap-it");
    OpenSearchClient client =
        OpenSearchClients.create(new OpenSearchSettings(endpoints.openSearchUrl(), "", ""));
    // As an earlier release made it: today's issues index without the "html" field.
    var old =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            io.healthwatch.contracts.Json.mapper()
                .readTree(
                    getClass()
                        .getClassLoader()
                        .getResourceAsStream(Indices.ISSUES.mappingResource()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) old.at("/mappings/properties"))
        .remove("html");
    old.putObject("aliases").putObject(Indices.ISSUES.alias(ns)).put("is_write_index", true);
    try (var response =
        client
            .generic()
            .execute(
                Requests.builder()
                    .method("PUT")
                    .endpoint("/" + Indices.ISSUES.index(ns))
                    .body(
                        Body.from(
                            io.healthwatch.contracts.Json.mapper().writeValueAsBytes(old),
                            "application/json"))
                    .build())) {
      assertTrue(response.getStatus() < 300, "old index created");
    }
    assertFalse(fields(client, ns).contains("\"html\""));

    IndexBootstrap.ensure(client, ns, 0);

    assertTrue(fields(client, ns).contains("\"html\""), fields(client, ns));
  }

  private static String fields(OpenSearchClient client, String ns) throws Exception {
    try (var response =
        client
            .generic()
            .execute(
                Requests.builder()
                    .method("GET")
                    .endpoint("/" + Indices.ISSUES.alias(ns) + "/_mapping")
                    .build())) {
      return response.getBody().map(Body::bodyAsString).orElse("");
    }
  }
}
