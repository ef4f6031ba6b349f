package io.healthwatch.enricher.tag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.enricher.EnricherConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The labelled relevance set (demo/relevance-set.jsonl: health-IT news and near misses) at the
 * configured threshold: precision and recall at least 0.95, the errors named when not.
 */
class RelevanceSetTest {
  @Test
  void healthItNewsIsToldFromNearMisses() throws Exception {
    var tagger = new ArticleTagger(Lexicon.load(null), 0);
    double threshold = EnricherConfig.load(null, Map.of(), Map.of()).relevance().threshold();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    var errors = new ArrayList<String>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/demo/relevance-set.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode item = Json.mapper().readTree(line);
        double relevance =
            tagger.tag(item.get("title").asText(), item.get("body").asText()).relevance();
        boolean predicted = relevance >= threshold;
        boolean truth = item.get("relevant").asBoolean();
        if (predicted && truth) {
          tp++;
        } else if (predicted) {
          fp++;
          errors.add("+" + item.get("title").asText() + " " + relevance);
        } else if (truth) {
          fn++;
          errors.add("-" + item.get("title").asText() + " " + relevance);
        }
      }
    }
    double precision = (double) tp / (tp + fp);
    double recall = (double) tp / (tp + fn);
    assertTrue(
        precision >= 0.95 && recall >= 0.95, "P " + precision + " R " + recall + " " + errors);
  }
}
