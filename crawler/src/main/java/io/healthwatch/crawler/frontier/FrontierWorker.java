package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.kafka.AcknowledgedSend;
import io.healthwatch.contracts.kafka.ConsumerLoop;
import io.healthwatch.contracts.kafka.DeadLetterPublisher;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.CrawlPass;
import io.healthwatch.crawler.feed.FeedItem;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.source.SourceRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawler consumer of the frontier topic. URLs are keyed by host, so the instances of a
 * consumer group split the hosts between them and each host is fetched by one instance at a time,
 * at its polite pace. Entry pages (feeds, lists) put their article links back on the frontier;
 * article pages are fetched once per instance. The worker that owns partition 0 also schedules the
 * sources: it enqueues their entry URLs every re-check interval, so exactly one instance schedules.
 * What any process fetched is shared ({@link FetchedUrls}), so a host changing hands is not fetched
 * again.
 */
public final class FrontierWorker extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(FrontierWorker.class);

  private final Producer<String, byte[]> producer;
  private final CrawlPass pass;
  private final DeadLetterPublisher deadLetters;
  private final FetchedUrls fetched;
  private final Map<String, Source> sources = new HashMap<>();
  private final String topic;
  private final Duration recheck;
  private final Map<String, Instant> nextDue = new HashMap<>();
  private final AtomicLong handled = new AtomicLong();
  private final Set<Integer> owned = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * When this worker got partition 0 (null while it does not own it); it schedules once the group
   * has settled after that. Only touched by the worker's own thread (listeners run inside poll).
   */
  private Instant schedulerSince;

  private final Duration settle;

  public FrontierWorker(
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> producer,
      CrawlPass pass,
      DeadLetterPublisher deadLetters,
      FetchedUrls fetched,
      SourceRegistry registry,
      String namespace,
      Duration recheck,
      Duration settle) {
    super(consumer);
    this.producer = producer;
    this.pass = pass;
    this.deadLetters = deadLetters;
    this.fetched = fetched;
    registry.sources().forEach(source -> sources.put(source.id(), source));
    this.topic = Topics.FRONTIER.name(namespace);
    this.recheck = recheck;
    this.settle = settle;
  }

  /** The frontier partitions this worker owns now (the group decides, and may change it). */
  public Set<Integer> ownedPartitions() {
    return Set.copyOf(owned);
  }

  /** Frontier records this worker has handled (entries and articles). */
  public long handled() {
    return handled.get();
  }

  @Override
  protected void start() {
    consumer.subscribe(
        List.of(topic),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(p -> owned.remove(p.partition()));
            if (partitions.stream().anyMatch(p -> p.partition() == 0)) {
              schedulerSince = null;
            }
          }

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(p -> owned.add(p.partition()));
            if (partitions.stream().anyMatch(p -> p.partition() == 0)) {
              schedulerSince = Instant.now();
              nextDue.clear();
              LOG.info("this worker schedules the {} sources", sources.size());
            }
          }
        });
  }

  @Override
  protected void step() throws InterruptedException {
    // Instances starting together rebalance a few times: scheduling only after the group has
    // settled keeps a host's articles from being fetched by two owners in turn.
    if (schedulerSince != null && Instant.now().isAfter(schedulerSince.plus(settle))) {
      scheduleDueSources();
    }
    var records = consumer.poll(Duration.ofMillis(500));
    for (ConsumerRecord<String, byte[]> record : records) {
      handle(record);
      handled.incrementAndGet();
    }
    if (!records.isEmpty()) {
      consumer.commitSync();
    }
  }

  private void scheduleDueSources() {
    Instant now = Instant.now();
    for (Source source : sources.values()) {
      if (nextDue.getOrDefault(source.id(), Instant.MIN).isAfter(now)) {
        continue;
      }
      for (String entry : source.entryUrls()) {
        enqueue(
            new FrontierUrl(
                FrontierUrl.SCHEMA_VERSION,
                entry,
                source.id(),
                FrontierUrl.Role.ENTRY,
                null,
                null,
                now));
      }
      nextDue.put(source.id(), now.plus(recheck));
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
    FrontierUrl url;
    try {
      url = Topics.FRONTIER.valueSerde().fromBytes(record.value());
    } catch (SerializationException e) {
      reject(record, ReasonCode.DESERIALIZATION_FAILED, e.getMessage(), null);
      return;
    }
    Source source = sources.get(url.sourceId());
    if (source == null) {
      reject(
          record,
          ReasonCode.PROCESSING_FAILED,
          "source '" + url.sourceId() + "' is not in this crawler's registry",
          url.url());
      return;
    }
    if (url.role() == FrontierUrl.Role.ENTRY) {
      for (FeedItem item : pass.links(source, url.url())) {
        enqueue(
            new FrontierUrl(
                FrontierUrl.SCHEMA_VERSION,
                item.url(),
                source.id(),
                FrontierUrl.Role.ARTICLE,
                item.title(),
                item.publishedAt(),
                Instant.now()));
      }
    } else if (fetched.isNew(url.url()) && pass.firstTime(url.url())) {
      pass.article(source, new FeedItem(url.url(), url.hintTitle(), url.hintPublishedAt()));
      fetched.markFetched(url.url());
    }
  }

  private void enqueue(FrontierUrl url) {
    AcknowledgedSend.send(
        producer,
        new ProducerRecord<>(
            topic, HostKey.of(url.url()), Topics.FRONTIER.valueSerde().toBytes(url)),
        "frontier URL");
  }

  private void reject(
      ConsumerRecord<String, byte[]> record, ReasonCode reason, String message, String url) {
    deadLetters.publish("crawler", reason, message, record, url);
  }
}
