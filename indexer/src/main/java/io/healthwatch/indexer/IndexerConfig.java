package io.healthwatch.indexer;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.ConfigLoader;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.config.OpsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The indexer's configuration; defaults and meanings are in indexer-defaults.yml. */
public record IndexerConfig(
    String namespace,
    KafkaSettings kafka,
    OpenSearchSettings opensearch,
    OpsSettings ops,
    String groupId,
    int indexReplicas,
    String chineseAnalysis,
    Bulk bulk,
    Issues issues,
    Publishing publishing) {

  public IndexerConfig {
    ConfigException.require(
        groupId != null && !groupId.isBlank(), "groupId", groupId, "a consumer group id");
    ConfigException.require(indexReplicas >= 0, "indexReplicas", indexReplicas, "0 or more");
    ConfigException.require(
        ChineseAnalyzer.PREFERENCES.contains(chineseAnalysis),
        "chineseAnalysis",
        chineseAnalysis,
        "auto, smartcn or cjk");
  }

  public String qualifiedGroupId() {
    return namespace == null || namespace.isEmpty() ? groupId : namespace + "." + groupId;
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

  /**
   * How weekly issues are numbered, chosen and written.
   *
   * @param anchors known issue numbers: later issues count up from the latest anchor at or before
   *     their window by the issues published since
   * @param articles articles per issue, most relevant first
   * @param outputDir where rendered issues are written (relative to the working directory)
   */
  public record Issues(
      String title,
      String organisation,
      String subject,
      String scope,
      int articles,
      String outputDir,
      List<Anchor> anchors) {
    public Issues {
      ConfigException.require(
          articles >= 1 && articles <= 100, "issues.articles", articles, "1 to 100");
      ConfigException.require(
          anchors != null && !anchors.isEmpty(),
          "issues.anchors",
          anchors,
          "at least one {windowEnd, number} anchor");
      anchors = anchors.stream().sorted(Comparator.comparing(Anchor::windowEnd)).toList();
    }
  }

  /**
   * @param enabled whether the service materializes each week's issue by itself once the week is
   *     over (the `issue` command does it on demand either way)
   * @param zone where the week's days are counted (a week ending Friday closes at Saturday 00:00
   *     there)
   * @param delay how long after the week closes it is published: late articles of the week are
   *     still taken until then
   * @param checkEvery how often the service looks for weeks to publish
   */
  public record Publishing(boolean enabled, ZoneId zone, Duration delay, Duration checkEvery) {
    public Publishing {
      ConfigException.require(zone != null, "publishing.zone", zone, "a time zone");
      ConfigException.require(
          delay != null && !delay.isNegative(),
          "publishing.delay",
          delay,
          "a duration such as PT2H");
      ConfigException.require(
          checkEvery != null && checkEvery.toSeconds() >= 1,
          "publishing.checkEvery",
          checkEvery,
          "a duration of a second or more");
    }
  }

  /** Issue {@code number} is the one whose window ends on {@code windowEnd}. */
  public record Anchor(LocalDate windowEnd, int number) {
    public Anchor {
      ConfigException.require(windowEnd != null, "issues.anchors.windowEnd", windowEnd, "a date");
      ConfigException.require(number >= 1, "issues.anchors.number", number, "a positive number");
    }
  }

  public static IndexerConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    return ConfigLoader.load(IndexerConfig.class, "indexer-defaults.yml", file, env, overrides);
  }
}
