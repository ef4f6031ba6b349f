package io.healthwatch.enricher;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.ConfigLoader;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.config.LogSettings;
import io.healthwatch.contracts.config.OpsSettings;
import io.healthwatch.contracts.topic.Namespace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The enricher's configuration; defaults and meanings are in enricher-defaults.yml. */
public record EnricherConfig(
    String namespace,
    KafkaSettings kafka,
    OpsSettings ops,
    LogSettings log,
    String applicationId,
    String stateDir,
    int streamThreads,
    Duration commitInterval,
    WeeklyCalendar calendar,
    Window window,
    Dedup dedup,
    Relevance relevance,
    Tagging tagging) {

  public EnricherConfig {
    namespace = io.healthwatch.contracts.topic.Namespace.configured(namespace);
    ConfigException.require(calendar != null, "calendar", calendar, "{zone, startDay}");
    ConfigException.require(
        applicationId != null && applicationId.matches("[A-Za-z0-9._-]+"),
        "applicationId",
        applicationId,
        "letters, digits, '.', '_' or '-'");
    ConfigException.require(
        stateDir != null && !stateDir.isBlank(), "stateDir", stateDir, "a folder");
    ConfigException.require(
        streamThreads >= 1 && streamThreads <= 64, "streamThreads", streamThreads, "1 to 64");
    ConfigException.require(
        commitInterval != null
            && commitInterval.toMillis() >= 10
            && commitInterval.compareTo(Duration.ofMinutes(5)) <= 0,
        "commitInterval",
        commitInterval,
        "an ISO-8601 duration from PT0.01S to PT5M, such as PT1S");
  }

  /** The application id in the namespace: each namespace keeps its own state and offsets. */
  public String qualifiedApplicationId() {
    return Namespace.of(namespace).group(applicationId);
  }

  /**
   * The acceptance horizon (the weekly windows are the {@code calendar}'s).
   *
   * @param maxAge articles published longer ago than this (by the wall clock) are dead-lettered
   * @param futureSkew articles dated further ahead than this are dead-lettered
   */
  public record Window(Duration maxAge, Duration futureSkew) {
    public Window {
      ConfigException.require(
          maxAge != null && !maxAge.isNegative() && !maxAge.isZero(),
          "window.maxAge",
          maxAge,
          "a positive ISO-8601 duration such as P30D");
      ConfigException.require(
          futureSkew != null && !futureSkew.isNegative(),
          "window.futureSkew",
          futureSkew,
          "an ISO-8601 duration such as PT6H");
    }
  }

  /**
   * @param minContainment how much of the smaller of two stories the other must hold for them to be
   *     one story (above 0, at most 1)
   * @param minContainmentSameSource the same for two articles of one source, which share its
   *     furniture and its templates before the index has learnt them (a site seldom reprints its
   *     own story under another address)
   * @param retention how long an article is remembered for dedup, by its publish time against
   *     stream time
   * @param sourcePriority source names, most authoritative first: among copies of a story the first
   *     listed is the primary, else the earliest published
   */
  public record Dedup(
      double minContainment,
      double minContainmentSameSource,
      Duration retention,
      List<String> sourcePriority) {
    public Dedup {
      ConfigException.require(
          minContainment > 0 && minContainment <= 1,
          "dedup.minContainment",
          minContainment,
          "a fraction above 0 and at most 1, such as 0.5 (scripts/bench dedup)");
      ConfigException.require(
          minContainmentSameSource >= minContainment && minContainmentSameSource <= 1,
          "dedup.minContainmentSameSource",
          minContainmentSameSource,
          "a fraction from dedup.minContainment to 1, such as 0.9");
      ConfigException.require(
          retention != null && !retention.isNegative() && !retention.isZero(),
          "dedup.retention",
          retention,
          "an ISO-8601 duration such as P30D");
      sourcePriority = sourcePriority == null ? List.of() : List.copyOf(sourcePriority);
    }
  }

  /**
   * @param threshold relevance from which an article counts as health-IT news (0..1)
   * @param lexicon a lexicon YAML file, or empty for the bundled one
   */
  public record Relevance(double threshold, String lexicon) {
    public Relevance {
      ConfigException.require(
          threshold > 0 && threshold < 1,
          "relevance.threshold",
          threshold,
          "a number between 0 and 1");
    }
  }

  /**
   * @param recognizerChars how much of an article (title, then the body from its start) the trained
   *     name recognizer reads; the lexicon and 《》 titles cover the whole text. The recognizer costs
   *     ~2.6 µs a character, most of an article's processing time; 0 turns it off.
   */
  public record Tagging(int recognizerChars) {
    public Tagging {
      ConfigException.require(
          recognizerChars >= 0, "tagging.recognizerChars", recognizerChars, ">= 0");
    }
  }

  public static EnricherConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    return ConfigLoader.load(EnricherConfig.class, "enricher", file, env, overrides);
  }
}
