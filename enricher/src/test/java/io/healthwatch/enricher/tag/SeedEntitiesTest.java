package io.healthwatch.enricher.tag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.devstack.sites.DemoCorpus;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tagger against the hand annotation of the seed reports' articles (demo/seed-entities.json):
 * F1 of distinct names per article, by type, at least 0.65 for people, places and organisations: a
 * floor against regressions, not the figure (0.73, 0.70 and 0.83 measured with the shipped model;
 * enricher/README.md says what it misses: the annotation's 王女士-style people, which CLUENER does not
 * mark, wards and desks as places, and places at the start of names the labeller misses).
 */
class SeedEntitiesTest {
  private static final ArticleTagger TAGGER = new ArticleTagger(Lexicon.load(null));

  @ParameterizedTest
  @ValueSource(strings = {"PERSON", "PLACE", "ORG"})
  void f1OnTheSeedArticles(String type) throws Exception {
    JsonNode gold;
    try (var in = SeedEntitiesTest.class.getResourceAsStream("/demo/seed-entities.json")) {
      gold = Json.mapper().readTree(in).get("articles");
    }
    int tp = 0;
    int fp = 0;
    int fn = 0;
    var misses = new HashSet<String>();
    for (var article : DemoCorpus.load().articles()) {
      if (!gold.has(article.id())) {
        continue;
      }
      Set<String> expected = new HashSet<>();
      gold.get(article.id()).get(type).forEach(name -> expected.add(name.asText()));
      Set<String> found = new HashSet<>();
      var tags = TAGGER.tag(article.title(), String.join("\n", article.paragraphs()));
      for (var entity : tags.entities()) {
        if (type.equals(GROUPS.get(entity.type()))) {
          found.add(entity.text());
        }
      }
      for (String name : found) {
        if (expected.contains(name)) {
          tp++;
        } else {
          fp++;
          misses.add("+" + name);
        }
      }
      for (String name : expected) {
        if (!found.contains(name)) {
          fn++;
          misses.add("-" + name);
        }
      }
    }
    double precision = (double) tp / (tp + fp);
    double recall = (double) tp / (tp + fn);
    double f1 = 2 * precision * recall / (precision + recall);
    assertTrue(f1 >= 0.65, type + " F1 " + f1 + " (extra +, missed -): " + misses);
  }

  private static final Map<String, String> GROUPS =
      Map.of(
          "PERSON", "PERSON",
          "PLACE", "PLACE",
          "ORGANIZATION", "ORG",
          "COMPANY", "ORG",
          "GOVERNMENT", "ORG",
          "HOSPITAL", "ORG");
}
