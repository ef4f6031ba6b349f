package io.healthwatch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * The Dashboards saved objects the compose stack loads: well-formed, each visualization on one of
 * the aliases, every aggregated field in that index's mapping with a type that aggregates, every
 * dashboard panel present.
 */
class DashboardsObjectsTest {
  @Test
  void savedObjectsFitTheMappingsOfTheirIndices() throws Exception {
    var file = Infrastructure.projectRoot().resolve("config/dashboards/healthwatch.ndjson");
    Map<String, JsonNode> objects = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        JsonNode object = Json.mapper().readTree(line);
        objects.put(object.get("type").asText() + ":" + object.get("id").asText(), object);
      }
    }
    Map<String, JsonNode> mappings = new HashMap<>();
    for (Indices index : List.of(Indices.ARTICLES, Indices.CRAWL_STATUS)) {
      JsonNode pattern = objects.get("index-pattern:" + index.alias(""));
      assertNotNull(pattern, "an index pattern for " + index.alias(""));
      assertEquals(index.alias(""), pattern.at("/attributes/title").asText());
      JsonNode mapping;
      try (var in = getClass().getClassLoader().getResourceAsStream(index.mappingResource())) {
        mapping = Json.mapper().readTree(in).at("/mappings/properties");
      }
      assertEquals(
          "date",
          mapping.at("/" + pattern.at("/attributes/timeFieldName").asText() + "/type").asText());
      mappings.put(pattern.get("id").asText(), mapping);
    }

    var visualizations = new ArrayList<String>();
    for (var entry : objects.entrySet()) {
      if (!entry.getKey().startsWith("visualization:")) {
        continue;
      }
      visualizations.add(entry.getValue().get("id").asText());
      String patternId = entry.getValue().at("/references/0/id").asText();
      JsonNode mapping = mappings.get(patternId);
      assertNotNull(mapping, entry.getKey() + " is on an index pattern of ours: " + patternId);
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
    }
    for (var dashboard :
        Map.of("healthwatch-overview", 5, "healthwatch-crawl-status", 4).entrySet()) {
      JsonNode object = objects.get("dashboard:" + dashboard.getKey());
      JsonNode panels = Json.mapper().readTree(object.at("/attributes/panelsJSON").asText());
      assertEquals(dashboard.getValue(), panels.size(), dashboard.getKey());
      for (JsonNode reference : object.get("references")) {
        assertTrue(visualizations.contains(reference.get("id").asText()), reference.toString());
      }
    }
  }
}
