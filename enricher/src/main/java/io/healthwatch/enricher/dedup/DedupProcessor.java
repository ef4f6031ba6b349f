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
 * unchanged, an update when it changed). A body whose story ({@link Story}: its sentences without
 * the boilerplate the {@link StoryIndex} has learnt) is at least {@code dedup.minContainment}
 * contained in a known primary's, or holds that much of it, is a reprint, however much each site
 * adds around it or cuts off: the copy from the source ranked first in {@code dedup.sourcePriority}
 * (else the earlier-published one) is the primary, the other goes to the duplicates topic with
 * {@code duplicateOf}, and the primary is re-published listing its reprints. Articles fetched
 * longer than {@code dedup.retention} before stream time are forgotten.
 */
public final class DedupProcessor implements Processor<String, TaggedArticle, String, Routed> {
  public static final String ARTICLES_STORE = "articles-by-id";
  public static final String STORIES_STORE = "story-anchors";

  /** Candidates read per article, most anchors shared first: a reprint shares the most. */
  private static final int CANDIDATES = 5;

  private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

  /** How often stream time is checked for articles past the retention. */
  private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  private final double minContainment;
  private final double minContainmentSameSource;
  private final Duration retention;
  private final List<String> sourcePriority;
  private final EnricherMetrics metrics;
  private ProcessorContext<String, Routed> context;
  private KeyValueStore<String, TaggedArticle> articles;
  private StoryIndex stories;

  public DedupProcessor(EnricherConfig.Dedup config, EnricherMetrics metrics) {
    this.minContainment = config.minContainment();
    this.minContainmentSameSource = config.minContainmentSameSource();
    this.retention = config.retention();
    this.sourcePriority = config.sourcePriority();
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.articles = context.getStateStore(ARTICLES_STORE);
    this.stories = new StoryIndex(context.getStateStore(STORIES_STORE));
    reindexIfEmpty();
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
        stories.remove(article.id(), storyOf(article));
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
    Story whole = storyOf(incoming);
    StoryIndex.Lookup lookup = stories.lookup(whole);
    Match found = nearest(incoming, lookup);
    if (found == null) {
      articles.put(incoming.id(), incoming);
      stories.add(incoming.id(), whole, lookup);
      emit(record, incoming, Route.TAGGED, "tagged");
      return;
    }
    TaggedArticle match = found.article();
    // The same text under another address (a syndication feed's copy) is told from an edited one.
    String reason =
        match.dedup().contentHash().equals(incoming.dedup().contentHash())
            ? "SAME_TEXT"
            : String.format("NEAR_DUPLICATE containment=%.2f", found.containment());
    if (outranks(incoming, match)) {
      // The more authoritative (or else earlier) copy takes over as primary with the reprints.
      var reprints = new LinkedHashSet<>(match.reprints());
      reprints.add(match.id());
      var primary = incoming.withReprints(List.copyOf(reprints)).withRevision(1);
      var demoted = match.asDuplicateOf(primary.id(), reason);
      stories.remove(match.id(), storyOf(match));
      articles.put(primary.id(), primary);
      // Looked up before the match left the index: its entries are stale now.
      stories.add(primary.id(), whole);
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
    if (known.status() == ArticleStatus.PRIMARY) {
      stories.remove(known.id(), storyOf(known));
      stories.add(updated.id(), storyOf(updated));
    }
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

  private record Match(TaggedArticle article, double containment) {}

  /** The primary that holds most of the story or most of which it holds, if enough. */
  private Match nearest(TaggedArticle incoming, StoryIndex.Lookup lookup) {
    List<String> candidates = lookup.candidates(CANDIDATES);
    if (candidates.isEmpty()) {
      return null;
    }
    Story story = Story.of(incoming.article().body(), anchor -> !lookup.isBoilerplate(anchor));
    Match best = null;
    for (String id : candidates) {
      TaggedArticle article = articles.get(id);
      if (article == null || article.status() != ArticleStatus.PRIMARY) {
        continue;
      }
      Story known = Story.of(article.article().body(), anchor -> !lookup.isBoilerplate(anchor));
      double containment = story.containment(known);
      double needed = sameSource(incoming, article) ? minContainmentSameSource : minContainment;
      if (containment >= needed && (best == null || containment > best.containment())) {
        best = new Match(article, containment);
      }
    }
    return best;
  }

  /**
   * Two pages of one source share its furniture and its notices' templates, which the index only
   * learns from its third page on: between them only a nearly whole copy is a reprint.
   */
  private static boolean sameSource(TaggedArticle a, TaggedArticle b) {
    String source = a.article().sourceName();
    return source != null && !source.isBlank() && source.equals(b.article().sourceName());
  }

  /** The whole story, boilerplate and all: what the index counts each anchor's holders by. */
  private static Story storyOf(TaggedArticle article) {
    return Story.of(article.article().body());
  }

  /**
   * State written before the story index (the SimHash bands of earlier versions): every remembered
   * primary is indexed once, so a reprint of a story seen before the upgrade still meets it.
   */
  private void reindexIfEmpty() {
    if (!stories.isEmpty()) {
      return;
    }
    int indexed = 0;
    try (KeyValueIterator<String, TaggedArticle> all = articles.all()) {
      while (all.hasNext()) {
        TaggedArticle article = all.next().value;
        if (article.status() == ArticleStatus.PRIMARY) {
          stories.add(article.id(), storyOf(article));
          indexed++;
        }
      }
    }
    if (indexed > 0) {
      LOG.info("dedup indexed the stories of {} remembered primaries", indexed);
    }
  }

  private void emit(
      Record<String, TaggedArticle> record, TaggedArticle article, Route route, String outcome) {
    metrics.emitted(outcome);
    context.forward(record.withKey(article.id()).withValue(new Routed(route, article)));
  }
}
