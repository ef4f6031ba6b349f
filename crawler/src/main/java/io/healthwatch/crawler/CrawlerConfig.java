package io.healthwatch.crawler;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.ConfigLoader;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.OpsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The crawler's configuration; defaults and the meaning of each key are in crawler-defaults.yml.
 */
public record CrawlerConfig(
    String namespace,
    KafkaSettings kafka,
    OpsSettings ops,
    String sources,
    Fetch fetch,
    int threads,
    Duration recheckEvery) {

  public CrawlerConfig {
    ConfigException.require(
        sources != null && !sources.isBlank(),
        "sources",
        sources,
        "the path of a sources YAML file");
    ConfigException.require(threads >= 1 && threads <= 256, "threads", threads, "1 to 256");
    ConfigException.require(
        recheckEvery != null && recheckEvery.toMillis() >= 100,
        "recheckEvery",
        recheckEvery,
        "a duration of at least 0.1 s, e.g. PT30M");
  }

  /**
   * How pages are fetched.
   *
   * @param perHostDelayMillis minimum time between two requests to one host
   * @param maxBytes responses larger than this are refused (TOO_LARGE)
   * @param retries further attempts after a network error, 429 or 5xx
   */
  public record Fetch(
      String userAgent,
      int connectTimeoutMillis,
      int readTimeoutMillis,
      long perHostDelayMillis,
      int maxBytes,
      int retries,
      long retryBaseDelayMillis,
      boolean respectRobots,
      int maxRedirects) {
    public Fetch {
      ConfigException.require(
          userAgent != null && !userAgent.isBlank(), "fetch.userAgent", userAgent, "a user agent");
      ConfigException.require(
          connectTimeoutMillis > 0, "fetch.connectTimeoutMillis", connectTimeoutMillis, "> 0");
      ConfigException.require(
          readTimeoutMillis > 0, "fetch.readTimeoutMillis", readTimeoutMillis, "> 0");
      ConfigException.require(
          perHostDelayMillis >= 0, "fetch.perHostDelayMillis", perHostDelayMillis, ">= 0");
      ConfigException.require(maxBytes >= 1024, "fetch.maxBytes", maxBytes, "at least 1024");
      ConfigException.require(retries >= 0 && retries <= 10, "fetch.retries", retries, "0 to 10");
      ConfigException.require(
          retryBaseDelayMillis >= 0, "fetch.retryBaseDelayMillis", retryBaseDelayMillis, ">= 0");
      ConfigException.require(
          maxRedirects >= 0 && maxRedirects <= 20, "fetch.maxRedirects", maxRedirects, "0 to 20");
    }
  }

  public static CrawlerConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    return ConfigLoader.load(CrawlerConfig.class, "crawler-defaults.yml", file, env, overrides);
  }
}
