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
    return Namespace.of(namespace).index(alias);
  }

  public String index(String namespace) {
    return Namespace.of(namespace).index(alias + "-v" + version);
  }

  /** Classpath location of the index's settings and mappings. */
  public String mappingResource() {
    return "mappings/" + alias.replace("healthwatch-", "") + "-v" + version + ".json";
  }
}
