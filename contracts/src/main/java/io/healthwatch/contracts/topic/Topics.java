package io.healthwatch.contracts.topic;

import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.FetchedUrl;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.TaggedArticle;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the pipeline, with its serdes: no topic name or serde is spelled elsewhere. */
public final class Topics {
  private Topics() {}

  /** Crawler to crawler: URLs to fetch, keyed by host so each host has one owner at a time. */
  public static final Topic<String, FrontierUrl> FRONTIER =
      Topic.events(
          "healthwatch.crawl.frontier.v1",
          Serdes.String(),
          new JsonSerde<>(FrontierUrl.class),
          "schemas/frontier-url.v1.schema.json");

  /** Crawler state: article URLs already fetched by any crawler process, keyed by URL. */
  public static final Topic<String, FetchedUrl> FETCHED =
      Topic.compacted(
          "healthwatch.crawl.fetched.v1",
          Serdes.String(),
          new JsonSerde<>(FetchedUrl.class),
          "schemas/fetched-url.v1.schema.json");

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
          "schemas/tagged-article.v1.schema.json");

  /** Enricher out: copies of an article already published (re-crawls and reprints). */
  public static final Topic<String, TaggedArticle> DUPLICATES =
      Topic.events(
          "healthwatch.articles.duplicates.v1",
          Serdes.String(),
          new JsonSerde<>(TaggedArticle.class),
          "schemas/tagged-article.v1.schema.json");

  /** Every stage: records it could not process, with the reason and the original payload. */
  public static final Topic<String, DeadLetter> DEAD_LETTER =
      Topic.events(
          "healthwatch.deadletter.v1",
          Serdes.String(),
          new JsonSerde<>(DeadLetter.class),
          "schemas/dead-letter.v1.schema.json");

  public static List<Topic<String, ?>> all() {
    return List.of(FRONTIER, FETCHED, DISCOVERED, TAGGED, DUPLICATES, DEAD_LETTER);
  }
}
