package io.healthwatch.indexer;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.ConfigLoader;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.LogSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.config.OpsSettings;
import io.healthwatch.contracts.topic.Namespace;
import java.nio.file.Path;
import java.util.Map;

/** The indexer's configuration; defaults and meanings are in indexer-defaults.yml. */
public record IndexerConfig(
    String namespace,
    KafkaSettings kafka,
    OpenSearchSettings opensearch,
    OpsSettings ops,
    LogSettings log,
    String groupId,
    int indexReplicas,
    String chineseAnalysis,
    Bulk bulk) {

  public IndexerConfig {
    namespace = io.healthwatch.contracts.topic.Namespace.configured(namespace);
    ConfigException.require(
        groupId != null && !groupId.isBlank(), "groupId", groupId, "a consumer group id");
    IndexBootstrap.requireSettings(indexReplicas, chineseAnalysis);
  }

  public String qualifiedGroupId() {
    return Namespace.of(namespace).group(groupId);
  }

  /**
   * @param maxDocs a bulk request is sent once it holds this many documents
   * @param maxBytes ... or this many bytes of documents
   * @param flushMillis ... or when its oldest document has waited this long
   */
  public record Bulk(
      int maxDocs, int maxBytes, long flushMillis, long retryBaseMillis, long retryMaxMillis) {
    public Bulk {
      ConfigException.require(maxDocs >= 1, "bulk.maxDocs", maxDocs, "at least 1");
      ConfigException.require(maxBytes >= 1024, "bulk.maxBytes", maxBytes, "at least 1024");
      ConfigException.require(flushMillis >= 0, "bulk.flushMillis", flushMillis, "0 or more");
      ConfigException.require(retryBaseMillis > 0, "bulk.retryBaseMillis", retryBaseMillis, "> 0");
      ConfigException.require(
          retryMaxMillis >= retryBaseMillis,
          "bulk.retryMaxMillis",
          retryMaxMillis,
          ">= bulk.retryBaseMillis");
    }
  }

  public static IndexerConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    return ConfigLoader.load(IndexerConfig.class, "indexer", file, env, overrides);
  }
}
