package io.healthwatch.cli;

import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.indexer.IndexerConfig;
import java.io.IOException;

/**
 * Questions to the crawl-status index, with the one-line answers an operator needs when it is not
 * there.
 */
final class StatusIndex {
  private StatusIndex() {}

  interface Question<T> {
    T ask() throws IOException;
  }

  static <T> T ask(IndexerConfig settings, Question<T> question) {
    try {
      return question.ask();
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("index_not_found_exception")) {
        throw new IllegalArgumentException(
            "no crawl-status index "
                + Indices.CRAWL_STATUS.alias(settings.namespace())
                + " at "
                + settings.opensearch().url()
                + " (the indexer creates it; after ./healthwatch demo use --set namespace=demo)");
      }
      if (e instanceof java.net.ConnectException || message.contains("Connection refused")) {
        throw new IllegalArgumentException(
            "OpenSearch at "
                + settings.opensearch().url()
                + " cannot be reached; start it with ./healthwatch services start");
      }
      throw new IllegalStateException(message, e);
    }
  }
}
