package io.healthwatch.crawler.frontier;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.message.FetchedUrl;
import io.healthwatch.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article URLs every crawler process has fetched, shared through a compacted topic: each
 * process writes a mark after fetching and follows everybody's marks, so a process that takes a
 * host over from another does not fetch that host's articles again. URLs are kept as 64-bit hashes
 * (about 40 bytes each in memory).
 */
public final class FetchedUrls implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FetchedUrls.class);

  private final Set<Long> fetched = ConcurrentHashMap.newKeySet();
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final KafkaConsumer<String, byte[]> follower;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  /** Reads every mark written so far, then keeps following new ones in the background. */
  public FetchedUrls(KafkaSettings kafka, String namespace, Producer<String, byte[]> producer) {
    this.producer = producer;
    this.topic = Topics.FETCHED.name(namespace);
    var props = KafkaClients.consumer(kafka, "unused", "healthwatch-fetched-follower");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.follower = new KafkaConsumer<>(props);
    var partitions =
        follower.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    follower.assign(partitions);
    follower.seekToBeginning(partitions);
    var ends = follower.endOffsets(partitions);
    while (partitions.stream().anyMatch(p -> follower.position(p) < ends.get(p))) {
      follower.poll(Duration.ofMillis(200)).forEach(r -> fetched.add(hash(r.key())));
    }
    LOG.info("{} article URLs known as fetched", fetched.size());
    this.thread = new Thread(this::follow, "fetched-urls-follower");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether no crawler process has fetched the URL yet, as far as this process has heard. */
  public boolean isNew(String url) {
    return !fetched.contains(hash(url));
  }

  /** Records that the URL was fetched, here and for every other process. */
  public void markFetched(String url) {
    fetched.add(hash(url));
    var mark = new FetchedUrl(FetchedUrl.SCHEMA_VERSION, url, Instant.now());
    producer.send(
        new ProducerRecord<>(topic, url, Topics.FETCHED.valueSerde().toBytes(mark)),
        (metadata, error) -> {
          if (error != null) {
            LOG.warn("fetched mark not written url={}: {}", url, error.toString());
          }
        });
  }

  private void follow() {
    try {
      while (running.get()) {
        follower.poll(Duration.ofMillis(500)).forEach(r -> fetched.add(hash(r.key())));
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      follower.close();
    }
  }

  /** 64-bit FNV-1a of the URL: collisions are negligible at crawl sizes. */
  static long hash(String url) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  @Override
  public void close() {
    running.set(false);
    follower.wakeup();
  }
}
