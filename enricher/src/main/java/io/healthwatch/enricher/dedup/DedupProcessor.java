package io.healthwatch.enricher.dedup;

import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.Dedup;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.DeadLetters;
import io.healthwatch.enricher.EnricherConfig;
import io.healthwatch.enricher.EnricherMetrics;
import io.healthwatch.enricher.Routed;
import io.healthwatch.enricher.Routed.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits each story once. The same canonical URL again is a re-crawl (a duplicate when the text is
 * unchanged, an update when it changed). A body within {@code maxDistance} SimHash bits of a known
 * one is a reprint: the copy from the source ranked first in {@code dedup.sourcePriority} (else the
 * earlier-published one) is the primary, the other goes to the duplicates topic with {@code
 * duplicateOf}, and the primary is re-published listing its reprints. Articles fetched longer than
 * {@code dedup.retention} before stream time are forgotten.
 */
public final class DedupProcessor implements Processor<String, TaggedArticle, String, Routed> {
  public static final String ARTICLES_STORE = "articles-by-id";
  public static final String BANDS_STORE = "simhash-bands";
  private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

  /** How often stream time is checked for articles past the retention. */
  private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  private final int maxDistance;
  private final Duration retention;
  private final List<String> sourcePriority;
  private final EnricherMetrics metrics;
  private ProcessorContext<String, Routed> context;
  private KeyValueStore<String, TaggedArticle> articles;
  private SimHashBands bands;

  public DedupProcessor(EnricherConfig.Dedup config, EnricherMetrics metrics) {
    this.maxDistance = config.maxDistance();
    this.retention = config.retention();
    this.sourcePriority = config.sourcePriority();
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.articles = context.getStateStore(ARTICLES_STORE);
    this.bands = new SimHashBands(context.getStateStore(BANDS_STORE));
    // Stream time, not the wall clock: a replay of old records forgets as the original run did.
    context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::purge);
  }

  /**
   * Forgets articles fetched longer than the retention before stream time. By when an article was
   * fetched, not published: a backfill of old articles (the demo's 2024 issues) must still meet
   * their reprints.
   */
  void purge(long streamTime) {
    Instant horizon = Instant.ofEpochMilli(streamTime).minus(retention);
    var expired = new ArrayList<TaggedArticle>();
    try (KeyValueIterator<String, TaggedArticle> all = articles.all()) {
      while (all.hasNext()) {
        TaggedArticle article = all.next().value;
        if (seen(article).isBefore(horizon)) {
          expired.add(article);
        }
      }
    }
    for (TaggedArticle article : expired) {
      articles.delete(article.id());
      if (article.status() == ArticleStatus.PRIMARY) {
        bands.remove(fingerprintOf(article), article.id());
      }
    }
    if (!expired.isEmpty()) {
      LOG.info("dedup forgot {} articles fetched before {}", expired.size(), horizon);
    }
  }

  private static Instant seen(TaggedArticle article) {
    Instant fetched = article.article().fetchedAt();
    return fetched != null ? fetched : article.article().publishedAt().toInstant();
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
    SimHash fingerprint = fingerprintOf(incoming);
    TaggedArticle match = nearest(fingerprint);
    if (match == null) {
      store(incoming, fingerprint);
      emit(record, incoming, Route.TAGGED, "tagged");
      return;
    }
    // The same text under another address (a syndication feed's copy) is told from an edited one.
    String reason =
        match.dedup().contentHash().equals(incoming.dedup().contentHash())
            ? "SAME_TEXT"
            : "NEAR_DUPLICATE distance=" + fingerprint.distance(fingerprintOf(match));
    if (outranks(incoming, match)) {
      // The more authoritative (or else earlier) copy takes over as primary with the reprints.
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

  /** By source priority, then by publish time: the earlier copy is the original. */
  private boolean outranks(TaggedArticle a, TaggedArticle b) {
    int rankA = rank(a);
    int rankB = rank(b);
    if (rankA != rankB) {
      return rankA < rankB;
    }
    return a.article().publishedAt().isBefore(b.article().publishedAt());
  }

  private int rank(TaggedArticle article) {
    int at = sourcePriority.indexOf(article.article().sourceName());
    return at < 0 ? Integer.MAX_VALUE : at;
  }

  private TaggedArticle nearest(SimHash fingerprint) {
    for (SimHashBands.Candidate candidate : bands.within(fingerprint, maxDistance)) {
      TaggedArticle article = articles.get(candidate.id());
      if (article != null && article.status() == ArticleStatus.PRIMARY) {
        return article;
      }
    }
    return null;
  }

  /** As carried; recomputed from the body for records written with the older 64-bit form. */
  private static SimHash fingerprintOf(TaggedArticle article) {
    SimHash carried = SimHash.parse(article.dedup().simhash());
    return carried != null ? carried : SimHash.of(article.article().body());
  }

  private void store(TaggedArticle article, SimHash fingerprint) {
    articles.put(article.id(), article);
    bands.add(fingerprint, article.id());
  }

  private void emit(
      Record<String, TaggedArticle> record, TaggedArticle article, Route route, String outcome) {
    metrics.emitted(outcome);
    context.forward(record.withKey(article.id()).withValue(new Routed(route, article)));
  }
}
