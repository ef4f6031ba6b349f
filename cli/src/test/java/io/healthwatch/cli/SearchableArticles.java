package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.devstack.process.LocalPipeline;
import java.time.Duration;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;

/** Waits for a namespace's article count, the way the end-to-end tests follow the pipeline. */
final class SearchableArticles {
  private SearchableArticles() {}

  /**
   * Returns once the index holds {@code expected} articles (fails if more: one twice); fails
   * sooner, with its log, when a service not in {@code down} has exited.
   */
  static void await(
      OpenSearchClient client, String ns, long expected, LocalPipeline pipeline, String... down)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    long found = -1;
    while (System.nanoTime() < deadline) {
      pipeline.requireAlive(Set.of(down));
      found = count(client, ns);
      if (found >= expected) {
        assertEquals(expected, found, "no article twice");
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "only " + found + " of " + expected + " articles searchable; logs in " + pipeline.logs());
  }

  /** The articles searchable now; -1 while the node or the index is not there (yet, or again). */
  static long count(OpenSearchClient client, String ns) {
    try {
      client.indices().refresh(r -> r.index(Indices.ARTICLES.alias(ns)));
      return client.count(c -> c.index(Indices.ARTICLES.alias(ns))).count();
    } catch (Exception e) {
      return -1;
    }
  }
}
