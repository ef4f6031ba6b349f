package io.healthwatch.crawler;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.ConfigLoader;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.LogSettings;
import io.healthwatch.contracts.config.OpsSettings;
import io.healthwatch.crawler.fetch.Politeness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The crawler's configuration; defaults and the meaning of each key are in crawler-defaults.yml.
 *
 * @param threads fetch threads (each holds one request in flight)
 * @param recheckEvery how often a source's entry pages are read, unless the source sets its own
 *     {@code interval}
 */
public record CrawlerConfig(
    String namespace,
    KafkaSettings kafka,
    OpsSettings ops,
    LogSettings log,
    String sources,
    Fetch fetch,
    int threads,
    Duration recheckEvery,
    Schedule schedule,
    Warc warc) {

  public CrawlerConfig {
    namespace = io.healthwatch.contracts.topic.Namespace.configured(namespace);
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
    ConfigException.require(schedule != null, "schedule", null, "the schedule settings");
    ConfigException.require(warc != null, "warc", null, "the WARC settings");
  }

  /**
   * How pages are fetched.
   *
   * @param perHostDelayMillis minimum time between the starts of two requests to one politeness key
   * @param politenessBy what shares one politeness delay: {@code host} (host and port) or {@code
   *     domain} (the registered domain)
   * @param maxBytes responses larger than this are refused (TOO_LARGE)
   * @param maxDurationMillis a response still arriving after this long is cut off (a host that
   *     drips bytes keeps no fetch thread for ever)
   * @param retries immediate further attempts after a network error, 429 or 5xx, before the
   *     scheduler takes over
   * @param robotsCacheSize hosts whose robots.txt rules are kept in memory
   */
  public record Fetch(
      String userAgent,
      int connectTimeoutMillis,
      int readTimeoutMillis,
      long maxDurationMillis,
      long perHostDelayMillis,
      Politeness.By politenessBy,
      int maxBytes,
      int retries,
      long retryBaseDelayMillis,
      boolean respectRobots,
      int robotsCacheSize,
      int maxRedirects) {
    public Fetch {
      ConfigException.require(
          userAgent != null && !userAgent.isBlank(), "fetch.userAgent", userAgent, "a user agent");
      ConfigException.require(
          connectTimeoutMillis > 0, "fetch.connectTimeoutMillis", connectTimeoutMillis, "> 0");
      ConfigException.require(
          readTimeoutMillis > 0, "fetch.readTimeoutMillis", readTimeoutMillis, "> 0");
      ConfigException.require(
          maxDurationMillis >= readTimeoutMillis,
          "fetch.maxDurationMillis",
          maxDurationMillis,
          ">= fetch.readTimeoutMillis");
      ConfigException.require(
          perHostDelayMillis >= 0, "fetch.perHostDelayMillis", perHostDelayMillis, ">= 0");
      ConfigException.require(
          politenessBy != null, "fetch.politenessBy", politenessBy, "host or domain");
      ConfigException.require(maxBytes >= 1024, "fetch.maxBytes", maxBytes, "at least 1024");
      ConfigException.require(retries >= 0 && retries <= 10, "fetch.retries", retries, "0 to 10");
      ConfigException.require(
          retryBaseDelayMillis >= 0, "fetch.retryBaseDelayMillis", retryBaseDelayMillis, ">= 0");
      ConfigException.require(
          robotsCacheSize >= 1, "fetch.robotsCacheSize", robotsCacheSize, "at least 1");
      ConfigException.require(
          maxRedirects >= 0 && maxRedirects <= 20, "fetch.maxRedirects", maxRedirects, "0 to 20");
    }
  }

  /**
   * When URLs are fetched again (one policy: {@code CrawlScheduler}).
   *
   * @param maxFetchErrors transient failures in a row after which a URL is ERROR and dead-lettered
   * @param errorBackoff wait after the first transient failure; doubled after each further one
   * @param maxErrorBackoff the longest such wait
   * @param refetchWindow article pages are fetched again for this long after first seen, so an edit
   *     reaches the tagged topic as a new revision
   * @param refetchEvery how often within that window
   */
  public record Schedule(
      int maxFetchErrors,
      Duration errorBackoff,
      Duration maxErrorBackoff,
      Duration refetchWindow,
      Duration refetchEvery) {
    public Schedule {
      ConfigException.require(
          maxFetchErrors >= 1 && maxFetchErrors <= 100,
          "schedule.maxFetchErrors",
          maxFetchErrors,
          "1 to 100");
      requirePositive("schedule.errorBackoff", errorBackoff);
      requirePositive("schedule.maxErrorBackoff", maxErrorBackoff);
      ConfigException.require(
          maxErrorBackoff.compareTo(errorBackoff) >= 0,
          "schedule.maxErrorBackoff",
          maxErrorBackoff,
          ">= schedule.errorBackoff");
      ConfigException.require(
          refetchWindow != null && !refetchWindow.isNegative(),
          "schedule.refetchWindow",
          refetchWindow,
          "a duration such as P3D (PT0S: never re-fetch articles)");
      requirePositive("schedule.refetchEvery", refetchEvery);
    }

    private static void requirePositive(String key, Duration value) {
      ConfigException.require(
          value != null && value.toMillis() > 0, key, value, "a positive duration, e.g. PT5M");
    }
  }

  /**
   * Raw pages kept: every response written to WARC files, so {@code ./healthwatch reextract} can
   * run a better extractor over old pages without a re-crawl.
   *
   * @param directory where the files go (relative to the config file)
   * @param maxFileBytes a file is closed and the next begun past this size
   */
  public record Warc(boolean enabled, String directory, long maxFileBytes) {
    public Warc {
      ConfigException.require(
          directory != null && !directory.isBlank(), "warc.directory", directory, "a folder");
      ConfigException.require(
          maxFileBytes >= 1 << 20, "warc.maxFileBytes", maxFileBytes, "at least 1 MiB");
    }
  }

  public static CrawlerConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    return ConfigLoader.load(CrawlerConfig.class, "crawler", file, env, overrides);
  }
}
