package io.healthwatch.contracts.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.Json;
import org.junit.jupiter.api.Test;

class NamespaceTest {
  @Test
  void eachKindOfNameHasItsOneRule() {
    var demo = Namespace.of("Demo");
    assertEquals("Demo.healthwatch.articles.tagged.v1", Topics.TAGGED.name("Demo"));
    assertEquals("Demo.healthwatch-indexer", demo.group("healthwatch-indexer"));
    assertEquals("demo-healthwatch-articles", Indices.ARTICLES.alias("Demo"));
    assertEquals("demo-healthwatch-articles-v1", Indices.ARTICLES.index("Demo"));
    assertTrue(demo.ownsTopicOrGroup("Demo.healthwatch-indexer"));
    assertFalse(demo.ownsTopicOrGroup("Demonstration.healthwatch-indexer"));
  }

  @Test
  void theEmptyNamespaceIsProductionsWithoutPrefixAndOwnsNothingToReset() {
    assertEquals(Namespace.NONE, Namespace.of(null));
    assertEquals(Namespace.NONE, Namespace.of("  "));
    assertEquals("healthwatch.articles.tagged.v1", Topics.TAGGED.name(""));
    assertEquals("healthwatch-articles", Indices.ARTICLES.alias(null));
    assertFalse(Namespace.NONE.ownsTopicOrGroup("healthwatch.articles.tagged.v1"));
  }

  @Test
  void aNameThatWouldBreakTopicOrIndexNamesIsRefusedAndJsonIsTheBareString() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> Namespace.of("a.b"));
    assertThrows(IllegalArgumentException.class, () -> Namespace.of("_x"));
    assertEquals("\"demo\"", Json.mapper().writeValueAsString(Namespace.of("demo")));
    assertEquals(Namespace.of("demo"), Json.mapper().readValue("\"demo\"", Namespace.class));
  }
}
