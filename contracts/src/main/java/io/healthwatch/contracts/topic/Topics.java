package io.healthwatch.contracts.topic;

import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.Replay;
import io.healthwatch.contracts.message.TaggedArticle;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the pipeline, with its serdes: no topic name or serde is spelled elsewhere. */
public final class Topics {
  private Topics() {}

  /**
   * Crawler to crawler: URLs for the instance that owns their host (links found elsewhere,
   * replays), keyed by politeness key so each host has one owner at a time.
   */
  public static final Topic<String, FrontierUrl> FRONTIER =
      Topic.events(
          "healthwatch.crawl.frontier.v1",
          Serdes.String(),
          new JsonSerde<>(FrontierUrl.class),
          "schemas/frontier-url.v1.schema.json");

  /**
   * Crawler state, the one source of truth of what was fetched and what is due: the latest state of
   * every URL, keyed by URL, in the partition of its politeness key (as the frontier).
   */
  public static final Topic<String, CrawlState> CRAWL_STATUS =
      Topic.compacted(
          "healthwatch.crawl.status.v1",
          Serdes.String(),
          new JsonSerde<>(CrawlState.class),
          "schemas/crawl-state.v1.schema.json");

  /** Crawler out, enricher in: articles as extracted, keyed by article id. */
  public static final Topic<String, DiscoveredArticle> DISCOVERED =
      Topic.events(
          "healthwatch.articles.discovered.v1",
          Serdes.String(),
          new JsonSerde<>(DiscoveredArticle.class),
          "schemas/discovered-article.v1.schema.json");

  /** Enricher out: the public topic of tagged, deduplicated, windowed articles. */
  public static final Topic<String, TaggedArticle> TAGGED =
      Topic.events(
              "healthwatch.articles.tagged.v1",
              Serdes.String(),
              new JsonSerde<>(TaggedArticle.class),
              "schemas/tagged-article.v1.schema.json")
          .forConsumers();

  /** Enricher out: copies of an article already published (re-crawls and reprints). */
  public static final Topic<String, TaggedArticle> DUPLICATES =
      Topic.events(
              "healthwatch.articles.duplicates.v1",
              Serdes.String(),
              new JsonSerde<>(TaggedArticle.class),
              "schemas/tagged-article.v1.schema.json")
          .forConsumers();

  /** Every stage: records it could not process, with the reason and the original payload. */
  public static final Topic<String, DeadLetter> DEAD_LETTER =
      Topic.events(
              "healthwatch.deadletter.v1",
              Serdes.String(),
              new JsonSerde<>(DeadLetter.class),
              "schemas/dead-letter.v1.schema.json")
          // Kept long enough for an operator back from a holiday to find and replay them.
          .keptFor(Duration.ofDays(90));

  /** Operators: which dead letters were sent back ({@code ./healthwatch replay}), by their id. */
  public static final Topic<String, Replay> REPLAYS =
      Topic.compacted(
          "healthwatch.deadletter.replays.v1",
          Serdes.String(),
          new JsonSerde<>(Replay.class),
          "schemas/replay.v1.schema.json");

  public static List<Topic<String, ?>> all() {
    return List.of(FRONTIER, CRAWL_STATUS, DISCOVERED, TAGGED, DUPLICATES, DEAD_LETTER, REPLAYS);
  }
}
