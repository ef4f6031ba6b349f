package io.healthwatch.enricher;

import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topic;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.Routed.Route;
import io.healthwatch.enricher.dedup.DedupProcessor;
import io.healthwatch.enricher.tag.ArticleTagger;
import io.healthwatch.enricher.tag.Lexicon;
import io.healthwatch.enricher.tag.TagProcessor;
import io.healthwatch.enricher.window.DateGate;
import io.healthwatch.enricher.window.ValidateProcessor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enricher: discovered articles are validated and windowed, tagged and scored (in parallel,
 * partitioned by article id), then deduplicated in one partition, because a reprint must meet its
 * original whatever partition either came in on. Primaries and their updates go to the tagged
 * topic, copies to the duplicates topic, and every record that cannot be processed to the
 * dead-letter topic.
 *
 * <pre>
 * discovered -> validate -> tag -> [repartition to 1] -> dedup -> tagged | duplicates
 *                   \________\_____________________________\____> dead-letter
 * </pre>
 */
public final class EnricherTopology {
  /** Name of the repartition step: its topic is {application id}-dedup-input-repartition. */
  static final String DEDUP_INPUT = "dedup-input";

  private EnricherTopology() {}

  public static Topology build(EnricherConfig config) {
    return build(config, Lexicon.load(config.relevance().lexicon()), EnricherMetrics.discarding());
  }

  public static Topology build(EnricherConfig config, Lexicon lexicon, EnricherMetrics metrics) {
    String ns = config.namespace();
    var windows = config.calendar();
    var gate = new DateGate(config.window().maxAge(), config.window().futureSkew());
    var tagger = new ArticleTagger(lexicon, config.tagging().recognizerChars());
    var builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DedupProcessor.ARTICLES_STORE),
            Serdes.String(),
            Topics.TAGGED.valueSerde()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DedupProcessor.STORIES_STORE),
            Serdes.String(),
            Serdes.String()));

    KStream<String, Routed> validated =
        builder.stream(
                Topics.DISCOVERED.name(ns),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("discovered"))
            .process(() -> new ValidateProcessor(windows, gate, metrics), Named.as("validate"));
    KStream<String, Routed> tagged =
        validated
            .filter((k, v) -> v.goesTo(Route.TAG), Named.as("to-tag"))
            .process(
                () -> new TagProcessor(tagger, config.relevance().threshold(), metrics),
                Named.as("tag"));
    KStream<String, Routed> deduped =
        tagged
            .filter((k, v) -> v.goesTo(Route.DEDUP), Named.as("to-dedup"))
            .mapValues(v -> (TaggedArticle) v.value(), Named.as("unwrap-for-dedup"))
            .repartition(
                Repartitioned.<String, TaggedArticle>as(DEDUP_INPUT)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(Topics.TAGGED.valueSerde())
                    .withNumberOfPartitions(1))
            .process(
                () -> new DedupProcessor(config.dedup(), metrics),
                Named.as("dedup"),
                DedupProcessor.ARTICLES_STORE,
                DedupProcessor.STORIES_STORE);

    to(deduped, Route.TAGGED, Topics.TAGGED, ns);
    to(deduped, Route.DUPLICATES, Topics.DUPLICATES, ns);
    to(validated, Route.DEAD_LETTER, Topics.DEAD_LETTER, ns);
    to(tagged, Route.DEAD_LETTER, Topics.DEAD_LETTER, ns);
    to(deduped, Route.DEAD_LETTER, Topics.DEAD_LETTER, ns);
    return builder.build();
  }

  private static <V> void to(
      KStream<String, Routed> stream, Route route, Topic<String, V> topic, String ns) {
    @SuppressWarnings("unchecked")
    KStream<String, V> values =
        stream.filter((k, v) -> v.goesTo(route)).mapValues(v -> (V) v.value());
    values.to(topic.name(ns), Produced.with(topic.keySerde(), topic.valueSerde()));
  }
}
