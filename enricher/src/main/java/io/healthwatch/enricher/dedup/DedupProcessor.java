package io.healthwatch.enricher.dedup;

import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.Dedup;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.DeadLetters;
import io.healthwatch.enricher.EnricherMetrics;
import io.healthwatch.enricher.Routed;
import io.healthwatch.enricher.Routed.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Emits each story once. The same canonical URL again is a re-crawl (a duplicate when the text is
 * unchanged, an update when it changed). A body within {@code maxDistance} SimHash bits of a known
 * one is a reprint: the earlier-published copy is the primary, the other goes to the duplicates
 * topic with {@code duplicateOf}, and the primary is re-published listing its reprints.
 */
public final class DedupProcessor implements Processor<String, TaggedArticle, String, Routed> {
  public static final String ARTICLES_STORE = "articles-by-id";
  public static final String BANDS_STORE = "simhash-bands";

  private final int maxDistance;
  private final EnricherMetrics metrics;
  private ProcessorContext<String, Routed> context;
  private KeyValueStore<String, TaggedArticle> articles;
  private SimHashBands bands;

  public DedupProcessor(int maxDistance, EnricherMetrics metrics) {
    this.maxDistance = maxDistance;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.articles = context.getStateStore(ARTICLES_STORE);
    this.bands = new SimHashBands(context.getStateStore(BANDS_STORE));
  }

  @Override
  public void process(Record<String, TaggedArticle> record) {
    var incoming = record.value();
    try {
      route(record, incoming);
    } catch (RuntimeException e) {
      DeadLetters.send(
          context,
          record,
          ReasonCode.PROCESSING_FAILED,
          "dedup failed: " + e,
          Topics.TAGGED.valueSerde().toBytes(incoming),
          incoming.article().canonicalUrl(),
          metrics);
    }
  }

  private void route(Record<String, TaggedArticle> record, TaggedArticle incoming) {
    TaggedArticle known = articles.get(incoming.id());
    if (known != null) {
      recrawl(record, known, incoming);
      return;
    }
    long fingerprint = Long.parseUnsignedLong(incoming.dedup().simhash(), 16);
    TaggedArticle match = nearest(fingerprint);
    if (match == null) {
      store(incoming, fingerprint);
      emit(record, incoming, Route.TAGGED, "tagged");
      return;
    }
    String reason =
        "NEAR_DUPLICATE distance="
            + SimHash.distance(fingerprint, Long.parseUnsignedLong(match.dedup().simhash(), 16));
    if (incoming.article().publishedAt().isBefore(match.article().publishedAt())) {
      // The earlier copy is the original: it takes over as primary with the old one's reprints.
      var reprints = new LinkedHashSet<>(match.reprints());
      reprints.add(match.id());
      var primary = incoming.withReprints(List.copyOf(reprints)).withRevision(1);
      var demoted = match.asDuplicateOf(primary.id(), reason);
      store(primary, fingerprint);
      articles.put(demoted.id(), demoted);
      emit(record, primary, Route.TAGGED, "tagged");
      emit(record.withKey(demoted.id()), demoted, Route.TAGGED, "updated");
      emit(record.withKey(demoted.id()), demoted, Route.DUPLICATES, "duplicate");
    } else {
      var duplicate = incoming.asDuplicateOf(match.id(), reason).withRevision(1);
      var reprints = new ArrayList<>(match.reprints());
      reprints.add(duplicate.id());
      var updated = match.withReprints(reprints);
      articles.put(duplicate.id(), duplicate);
      articles.put(updated.id(), updated);
      emit(record, duplicate, Route.DUPLICATES, "duplicate");
      emit(record.withKey(updated.id()), updated, Route.TAGGED, "updated");
    }
  }

  /** The same URL again: unchanged text is a duplicate, changed text an update of the article. */
  private void recrawl(
      Record<String, TaggedArticle> record, TaggedArticle known, TaggedArticle incoming) {
    if (known.dedup().contentHash().equals(incoming.dedup().contentHash())) {
      var again =
          incoming.asDuplicateOf(known.id(), "SAME_URL unchanged").withRevision(known.revision());
      emit(record, again, Route.DUPLICATES, "duplicate");
      return;
    }
    var updated =
        new TaggedArticle(
            incoming.schemaVersion(),
            known.id(),
            known.revision() + 1,
            known.status(),
            incoming.article(),
            incoming.window(),
            incoming.entities(),
            incoming.topics(),
            incoming.relevance(),
            incoming.relevant(),
            new Dedup(
                incoming.dedup().contentHash(),
                incoming.dedup().simhash(),
                known.dedup().duplicateOf(),
                known.dedup().reason()),
            known.reprints());
    articles.put(updated.id(), updated);
    emit(
        record,
        updated,
        known.status() == ArticleStatus.PRIMARY ? Route.TAGGED : Route.DUPLICATES,
        "updated");
  }

  private TaggedArticle nearest(long fingerprint) {
    return bands.candidates(fingerprint).stream()
        .map(articles::get)
        .filter(candidate -> candidate != null && candidate.status() == ArticleStatus.PRIMARY)
        .filter(
            candidate ->
                SimHash.distance(
                        fingerprint, Long.parseUnsignedLong(candidate.dedup().simhash(), 16))
                    <= maxDistance)
        .min(
            Comparator.comparingInt(
                (TaggedArticle candidate) ->
                    SimHash.distance(
                        fingerprint, Long.parseUnsignedLong(candidate.dedup().simhash(), 16))))
        .orElse(null);
  }

  private void store(TaggedArticle article, long fingerprint) {
    articles.put(article.id(), article);
    bands.add(fingerprint, article.id());
  }

  private void emit(
      Record<String, TaggedArticle> record, TaggedArticle article, Route route, String outcome) {
    metrics.emitted(outcome);
    context.forward(record.withKey(article.id()).withValue(new Routed(route, article)));
  }
}
