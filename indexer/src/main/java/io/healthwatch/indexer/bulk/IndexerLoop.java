package io.healthwatch.indexer.bulk;

import io.healthwatch.contracts.kafka.ConsumerLoop;
import io.healthwatch.contracts.kafka.DeadLetterPublisher;
import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.CrawlState;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.indexer.IndexerConfig;
import io.healthwatch.indexer.IndexerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes tagged articles and crawl states into OpenSearch in bulk (the articles index, the
 * crawl-status index). Offsets are committed only after every document of the batch is acknowledged
 * or dead-lettered, so a crash replays (idempotently) instead of losing. While OpenSearch is
 * unavailable the consumer is paused: memory holds one batch at most and the group membership is
 * kept.
 */
public final class IndexerLoop extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(IndexerLoop.class);
  private static final String STAGE = "indexer";

  private final BulkWriter writer;
  private final DeadLetterPublisher deadLetters;
  private final IndexerConfig.Bulk bulk;
  private final IndexerMetrics metrics;
  private final String articles;
  private final String crawlStatus;
  private final String statusTopic;
  private final List<PendingDocument> batch = new ArrayList<>();
  private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();

  /** What this consumer last committed per partition, to commit only when it moved. */
  private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();

  private long batchBytes;
  private long batchStartedAt;

  public IndexerLoop(
      Consumer<String, byte[]> consumer,
      BulkWriter writer,
      DeadLetterPublisher deadLetters,
      IndexerConfig.Bulk bulk,
      IndexerMetrics metrics,
      String namespace) {
    super(consumer);
    this.articles = Indices.ARTICLES.alias(namespace);
    this.crawlStatus = Indices.CRAWL_STATUS.alias(namespace);
    this.statusTopic = Topics.CRAWL_STATUS.name(namespace);
    this.writer = writer;
    this.deadLetters = deadLetters;
    this.bulk = bulk;
    this.metrics = metrics;
  }

  @Override
  protected void step() throws InterruptedException {
    var records = consumer.poll(Duration.ofMillis(200));
    metrics.consumed(records.count());
    for (ConsumerRecord<String, byte[]> record : records) {
      accept(record);
      if (batch.size() >= bulk.maxDocs() || batchBytes >= bulk.maxBytes()) {
        flush();
      }
    }
    if (!batch.isEmpty() && System.currentTimeMillis() - batchStartedAt >= bulk.flushMillis()
        || batch.isEmpty() && !offsets.isEmpty()) {
      flush();
    }
    if (batch.isEmpty()) {
      commitPositionsPastMarkers();
    }
  }

  @Override
  protected void finish() throws InterruptedException {
    flush();
  }

  private void accept(ConsumerRecord<String, byte[]> record) {
    offsets.put(
        new TopicPartition(record.topic(), record.partition()),
        new OffsetAndMetadata(record.offset() + 1));
    PendingDocument document;
    try {
      document = document(record);
    } catch (SerializationException e) {
      deadLetter(record, ReasonCode.DESERIALIZATION_FAILED, e.getMessage(), null);
      return;
    }
    if (batch.isEmpty()) {
      batchStartedAt = System.currentTimeMillis();
    }
    batch.add(document);
    batchBytes += record.value().length;
  }

  /** A tagged article for the articles index, or a crawl state for the crawl-status index. */
  private PendingDocument document(ConsumerRecord<String, byte[]> record) {
    if (record.topic().equals(statusTopic)) {
      CrawlState state = Topics.CRAWL_STATUS.valueSerde().fromBytes(record.value());
      if (state == null) {
        throw new SerializationException("empty value where a crawl state was expected");
      }
      return new PendingDocument(
          crawlStatus,
          ArticleIds.forCanonicalUrl(state.url()),
          state.seq(),
          CrawlStatusDocument.of(state),
          state.url(),
          record);
    }
    TaggedArticle tagged = Topics.TAGGED.valueSerde().fromBytes(record.value());
    if (tagged == null) {
      throw new SerializationException("empty value where a tagged article was expected");
    }
    var article = ArticleDocument.of(tagged, Instant.now());
    return new PendingDocument(
        articles, article.id(), article.revision(), article, article.url(), record);
  }

  private void flush() throws InterruptedException {
    if (!batch.isEmpty()) {
      for (Rejection rejection : writer.writeAll(List.copyOf(batch), this::stayInGroup)) {
        var origin = rejection.pending().origin();
        deadLetter(
            origin,
            ReasonCode.INDEX_REJECTED,
            "OpenSearch refused the document (HTTP "
                + rejection.status()
                + "): "
                + rejection.error(),
            rejection.pending().url());
      }
      resumeAll();
    }
    if (!offsets.isEmpty()) {
      if (commit(Map.copyOf(offsets))) {
        committed.putAll(offsets);
      }
    }
    batch.clear();
    offsets.clear();
    batchBytes = 0;
  }

  /**
   * The tagged topic is written in transactions: after its last record comes a commit marker that
   * the consumer skips without returning anything. Committing the position past it makes the lag of
   * a caught-up indexer zero, which is what operators and the demo watch for.
   */
  private void commitPositionsPastMarkers() {
    var advanced = new HashMap<TopicPartition, OffsetAndMetadata>();
    for (TopicPartition partition : consumer.assignment()) {
      long position = consumer.position(partition);
      OffsetAndMetadata last = committed.get(partition);
      if (last == null ? position > 0 : position > last.offset()) {
        advanced.put(partition, new OffsetAndMetadata(position));
      }
    }
    if (!advanced.isEmpty()) {
      if (commit(advanced)) {
        committed.putAll(advanced);
      }
    }
  }

  /**
   * Polls with every partition paused, so the group does not evict this consumer while it waits for
   * OpenSearch; a partition assigned meanwhile is rewound so nothing it returned is skipped.
   */
  private void stayInGroup() {
    consumer.pause(consumer.assignment());
    var unexpected = consumer.poll(Duration.ZERO);
    for (TopicPartition partition : unexpected.partitions()) {
      consumer.seek(partition, unexpected.records(partition).get(0).offset());
      consumer.pause(List.of(partition));
    }
  }

  private void resumeAll() {
    consumer.resume(consumer.paused());
  }

  private void deadLetter(
      ConsumerRecord<String, byte[]> record, ReasonCode reason, String message, String url) {
    metrics.rejected();
    deadLetters.publish(STAGE, reason, message, record, url);
    LOG.warn(
        "dead-lettered offset {}-{}@{}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        message);
  }
}
