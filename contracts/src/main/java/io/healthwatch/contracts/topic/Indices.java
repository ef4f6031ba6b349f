package io.healthwatch.contracts.topic;

/**
 * OpenSearch names. Services write and read through the alias; the versioned index behind it can be
 * replaced by a reindex without downtime.
 */
public enum Indices {
  ARTICLES("healthwatch-articles", 1),
  ISSUES("healthwatch-issues", 1),
  /**
   * Editors' pins and exclusions of articles, per week: kept apart so re-materializing keeps them.
   */
  OVERRIDES("healthwatch-overrides", 1),
  /**
   * The crawler's state of every URL (from the crawl-status topic), for operators and dashboards.
   */
  CRAWL_STATUS("healthwatch-crawlstatus", 1);

  private final String alias;
  private final int version;

  Indices(String alias, int version) {
    this.alias = alias;
    this.version = version;
  }

  public String alias(String namespace) {
    return prefix(namespace) + alias;
  }

  public String index(String namespace) {
    return prefix(namespace) + alias + "-v" + version;
  }

  /** Classpath location of the index's settings and mappings. */
  public String mappingResource() {
    return "mappings/" + alias.replace("healthwatch-", "") + "-v" + version + ".json";
  }

  private static String prefix(String namespace) {
    // OpenSearch index names must be lower case and may not contain '.' at the start.
    return namespace == null || namespace.isEmpty() ? "" : namespace.toLowerCase() + "-";
  }
}
