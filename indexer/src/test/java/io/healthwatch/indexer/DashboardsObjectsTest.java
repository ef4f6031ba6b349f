package io.healthwatch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Dashboards saved objects the compose stack loads: well-formed, on the articles alias, every
 * aggregated field in the mapping with a type that aggregates, every dashboard panel present.
 */
class DashboardsObjectsTest {
  @Test
  void savedObjectsFitTheArticlesMapping() throws Exception {
    var file = Infrastructure.projectRoot().resolve("config/dashboards/healthwatch.ndjson");
    Map<String, JsonNode> objects = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        JsonNode object = Json.mapper().readTree(line);
        objects.put(object.get("type").asText() + ":" + object.get("id").asText(), object);
      }
    }
    JsonNode pattern = objects.get("index-pattern:" + Indices.ARTICLES.alias(""));
    assertEquals(Indices.ARTICLES.alias(""), pattern.at("/attributes/title").asText());

    JsonNode mapping;
    try (var in =
        getClass().getClassLoader().getResourceAsStream(Indices.ARTICLES.mappingResource())) {
      mapping = Json.mapper().readTree(in).at("/mappings/properties");
    }
    assertEquals(
        "date",
        mapping.at("/" + pattern.at("/attributes/timeFieldName").asText() + "/type").asText());

    var visualizations = new ArrayList<String>();
    for (var entry : objects.entrySet()) {
      if (!entry.getKey().startsWith("visualization:")) {
        continue;
      }
      visualizations.add(entry.getValue().get("id").asText());
      JsonNode state = Json.mapper().readTree(entry.getValue().at("/attributes/visState").asText());
      for (JsonNode agg : state.get("aggs")) {
        String field = agg.at("/params/field").asText("");
        if (!field.isEmpty()) {
          String type = mapping.at("/" + field + "/type").asText();
          assertTrue(
              List.of("keyword", "date").contains(type),
              entry.getKey() + " aggregates on " + field + " (" + type + ")");
        }
      }
      assertEquals(
          pattern.get("id").asText(),
          entry.getValue().at("/references/0/id").asText(),
          entry.getKey());
    }
    JsonNode dashboard = objects.get("dashboard:healthwatch-overview");
    JsonNode panels = Json.mapper().readTree(dashboard.at("/attributes/panelsJSON").asText());
    assertEquals(5, panels.size());
    for (JsonNode reference : dashboard.get("references")) {
      assertTrue(visualizations.contains(reference.get("id").asText()), reference.toString());
    }
  }
}
