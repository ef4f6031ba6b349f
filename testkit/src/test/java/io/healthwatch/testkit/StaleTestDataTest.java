package io.healthwatch.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaleTestDataTest {
  private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

  @Test
  void aNamespaceIsStaleOnlyAfterTwoHoursWhateverItNames() {
    String ns = StaleTestData.newNamespace("editor-it", NOW);
    assertTrue(ns.matches("editor-it-[0-9a-z]{6}[0-9a-f]{4}"), ns);
    Instant later = NOW.plus(Duration.ofHours(2)).plusSeconds(1);
    for (String name :
        new String[] {
          ns + "-healthwatch-articles-v1",
          ns + "-healthwatch-articles-v1-20261126-021556",
          ns + ".healthwatch.articles.tagged.v1",
          ns + ".healthwatch-enricher"
        }) {
      assertEquals(Optional.empty(), StaleTestData.staleNamespace(name, NOW.plusSeconds(60)), name);
      assertEquals(Optional.of(ns), StaleTestData.staleNamespace(name, later), name);
    }
  }

  @Test
  void namespacesOfTheEarlierFormAreStaleAndOthersAreNeverTouched() {
    assertEquals(
        Optional.of("demo-it-97b3c4f2"),
        StaleTestData.staleNamespace("demo-it-97b3c4f2-healthwatch-issues-v1", NOW));
    for (String name :
        new String[] {
          "demo-healthwatch-articles-v1",
          "healthwatch-articles-v1",
          "latency-41e8d4d3-healthwatch-articles-v1",
          "demo.healthwatch.articles.discovered.v1",
          ".tasks"
        }) {
      assertEquals(Optional.empty(), StaleTestData.staleNamespace(name, NOW), name);
    }
  }

  @Test
  void prefixesMustSayTheyAreTests() {
    assertThrows(IllegalArgumentException.class, () -> StaleTestData.newNamespace("demo", NOW));
  }
}
