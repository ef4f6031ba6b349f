package io.healthwatch.contracts.topic;

import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.TaggedArticle;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the pipeline, with its serdes: no topic name or serde is spelled elsewhere. */
public final class Topics {
  private Topics() {}

  /** Crawler to crawler: URLs to fetch, keyed by host so each host has one owner at a time. */
  public static final Topic<String, FrontierUrl> FRONTIER =
      new Topic<>(
          "healthwatch.crawl.frontier.v1",
          Serdes.String(),
          new JsonSerde<>(FrontierUrl.class),
          "schemas/frontier-url.v1.schema.json");

  /** Crawler out, enricher in: articles as extracted, keyed by article id. */
  public static final Topic<String, DiscoveredArticle> DISCOVERED =
      new Topic<>(
          "healthwatch.articles.discovered.v1",
          Serdes.String(),
          new JsonSerde<>(DiscoveredArticle.class),
          "schemas/discovered-article.v1.schema.json");

  /** Enricher out: the public topic of tagged, deduplicated, windowed articles. */
  public static final Topic<String, TaggedArticle> TAGGED =
      new Topic<>(
          "healthwatch.articles.tagged.v1",
          Serdes.String(),
          new JsonSerde<>(TaggedArticle.class),
          "schemas/tagged-article.v1.schema.json");

  /** Enricher out: copies of an article already published (re-crawls and reprints). */
  public static final Topic<String, TaggedArticle> DUPLICATES =
      new Topic<>(
          "healthwatch.articles.duplicates.v1",
          Serdes.String(),
          new JsonSerde<>(TaggedArticle.class),
          "schemas/tagged-article.v1.schema.json");

  /** Every stage: records it could not process, with the reason and the original payload. */
  public static final Topic<String, DeadLetter> DEAD_LETTER =
      new Topic<>(
          "healthwatch.deadletter.v1",
          Serdes.String(),
          new JsonSerde<>(DeadLetter.class),
          "schemas/dead-letter.v1.schema.json");

  public static List<Topic<String, ?>> all() {
    return List.of(FRONTIER, DISCOVERED, TAGGED, DUPLICATES, DEAD_LETTER);
  }
}
