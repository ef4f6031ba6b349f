package io.healthwatch.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthwatch.contracts.Json;
import java.io.IOException;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzer behind the mappings' {@code zh_text}: word segmentation by {@code smartcn} when the
 * node has it (the project's plugin, or OpenSearch's own analysis-smartcn, which registers the same
 * name), else the built-in {@code cjk} bigrams. Which one an index has is fixed when it is created;
 * switching an existing index is a reindex (README).
 */
public enum ChineseAnalyzer {
  SMARTCN("smartcn", "smartcn (word segmentation)"),
  CJK("cjk", "cjk (character bigrams; the smartcn plugin is not installed on the node)");

  static final String ANALYZER_NAME = "zh_text";

  /** What the indexer's {@code chineseAnalysis} setting may say. */
  public static final java.util.Set<String> PREFERENCES =
      java.util.Set.of("auto", "smartcn", "cjk");

  private static final Logger LOG = LoggerFactory.getLogger(ChineseAnalyzer.class);

  private final String type;
  private final String description;

  ChineseAnalyzer(String type, String description) {
    this.type = type;
    this.description = description;
  }

  public String type() {
    return type;
  }

  public String description() {
    return description;
  }

  /**
   * The analyzer for new indices: {@code auto} takes smartcn where the node has it; {@code cjk}
   * trades word-level relevance for indexing speed; {@code smartcn} insists, failing when the node
   * lacks it.
   */
  public static ChineseAnalyzer choose(OpenSearchClient client, String preference)
      throws IOException {
    return switch (preference) {
      case "cjk" -> CJK;
      case "smartcn" -> {
        if (available(client) != SMARTCN) {
          throw new IOException(
              "chineseAnalysis is smartcn but the node has no smartcn analyzer; install the"
                  + " plugin (README: Chinese analysis) or set chineseAnalysis to auto or cjk");
        }
        yield SMARTCN;
      }
      default -> available(client);
    };
  }

  /** Asks the node to analyse a word with smartcn: the answer, not a plugin list, is the test. */
  public static ChineseAnalyzer available(OpenSearchClient client) throws IOException {
    var probe = Json.mapper().createObjectNode().put("analyzer", SMARTCN.type).put("text", "医保码");
    return RestCalls.call(client, "POST", "/_analyze", probe).ok() ? SMARTCN : CJK;
  }

  /**
   * The analyzer an existing index (or the index behind an alias) was created with; empty for an
   * index without Chinese text fields.
   */
  public static Optional<ChineseAnalyzer> of(OpenSearchClient client, String indexOrAlias)
      throws IOException {
    JsonNode settings =
        RestCalls.require(
            client,
            "GET",
            "/" + indexOrAlias + "/_settings/index.analysis.analyzer." + ANALYZER_NAME + ".type",
            null,
            "reading the settings of " + indexOrAlias);
    for (JsonNode index : settings) {
      String type =
          index.at("/settings/index/analysis/analyzer/" + ANALYZER_NAME + "/type").asText();
      if (!type.isEmpty()) {
        return Optional.of(SMARTCN.type.equals(type) ? SMARTCN : CJK);
      }
    }
    return Optional.empty();
  }

  /** Points the {@code zh_text} analyzer of a new index's settings at this analyzer. */
  void applyTo(ObjectNode settings) {
    ObjectNode analyzers = settings.withObjectProperty("analysis").withObjectProperty("analyzer");
    if (analyzers.has(ANALYZER_NAME)) {
      analyzers.putObject(ANALYZER_NAME).put("type", type);
    }
  }

  static void reportExisting(OpenSearchClient client, String alias, ChineseAnalyzer available)
      throws IOException {
    if (available == SMARTCN && of(client, alias).orElse(SMARTCN) == CJK) {
      LOG.info(
          "{} analyses Chinese text with cjk bigrams although the node has smartcn; reindex to"
              + " switch (README, OpenSearch indices)",
          alias);
    }
  }
}
