package io.healthwatch.enricher;

import io.healthwatch.contracts.topic.Topic;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.dedup.DedupProcessor;
import io.healthwatch.enricher.tag.ArticleTagger;
import io.healthwatch.enricher.tag.Lexicon;
import io.healthwatch.enricher.tag.TagProcessor;
import io.healthwatch.enricher.window.DateGate;
import io.healthwatch.enricher.window.ValidateProcessor;
import io.healthwatch.enricher.window.WeeklyWindows;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The enricher: discovered articles are validated and windowed, tagged and scored, deduplicated;
 * primaries (and their updates) go to the tagged topic, copies to the duplicates topic, and every
 * record that cannot be processed to the dead-letter topic.
 *
 * <pre>
 * discovered -> validate -> tag -> dedup -> tagged | duplicates
 *                  \__________\______\____> dead-letter
 * </pre>
 */
public final class EnricherTopology {
  static final String SOURCE = "discovered-source";
  static final String VALIDATE = "validate";
  static final String TAG = "tag";
  static final String DEDUP = "dedup";

  private EnricherTopology() {}

  public static Topology build(EnricherConfig config) {
    return build(config, Lexicon.load(config.relevance().lexicon()), EnricherMetrics.discarding());
  }

  public static Topology build(EnricherConfig config, Lexicon lexicon, EnricherMetrics metrics) {
    String ns = config.namespace();
    var windows = new WeeklyWindows(config.window().zone(), config.window().startDay());
    var gate = new DateGate(config.window().maxAge(), config.window().futureSkew());
    var tagger = new ArticleTagger(lexicon);

    var topology = new Topology();
    topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
        Topics.DISCOVERED.name(ns));
    topology.addProcessor(VALIDATE, () -> new ValidateProcessor(windows, gate, TAG, metrics), SOURCE);
    topology.addProcessor(TAG,
        () -> new TagProcessor(tagger, config.relevance().threshold(), DEDUP, metrics), VALIDATE);
    topology.addProcessor(DEDUP, () -> new DedupProcessor(config.dedup().maxDistance(), metrics), TAG);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.ARTICLES_STORE),
            Serdes.String(), Topics.TAGGED.valueSerde()),
        DEDUP);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.BANDS_STORE),
            Serdes.String(), Serdes.String()),
        DEDUP);
    topology.addSink(DedupProcessor.TAGGED_SINK, Topics.TAGGED.name(ns), Serdes.String().serializer(),
        valueSerializer(Topics.TAGGED), DEDUP);
    topology.addSink(DedupProcessor.DUPLICATES_SINK, Topics.DUPLICATES.name(ns),
        Serdes.String().serializer(), valueSerializer(Topics.DUPLICATES), DEDUP);
    topology.addSink(DeadLetters.SINK, Topics.DEAD_LETTER.name(ns), Serdes.String().serializer(),
        valueSerializer(Topics.DEAD_LETTER), VALIDATE, TAG, DEDUP);
    return topology;
  }

  /** Processors forward Object (articles or dead letters); each sink knows its one value type. */
  @SuppressWarnings("unchecked")
  private static <V> Serializer<Object> valueSerializer(Topic<String, V> topic) {
    Serializer<V> serializer = topic.valueSerde().serializer();
    return (t, value) -> serializer.serialize(t, (V) value);
  }
}
