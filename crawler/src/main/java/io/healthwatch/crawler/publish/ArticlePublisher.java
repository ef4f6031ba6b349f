package io.healthwatch.crawler.publish;

import io.healthwatch.contracts.kafka.AcknowledgedSend;
import io.healthwatch.contracts.kafka.DeadLetterPublisher;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes discovered articles and the crawler's dead letters; each write waits for the broker, so a
 * page counts as crawled only once its record is durable.
 */
public final class ArticlePublisher {
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final DeadLetterPublisher deadLetters;

  public ArticlePublisher(Producer<String, byte[]> producer, String namespace) {
    this.producer = producer;
    this.topic = Topics.DISCOVERED.name(namespace);
    this.deadLetters = new DeadLetterPublisher(producer, namespace);
  }

  /**
   * Sends without waiting: the crawler records the page as fetched only once the future is done (it
   * flushes first), so a fetch thread never waits for the broker.
   */
  public java.util.concurrent.Future<?> send(DiscoveredArticle article) {
    return producer.send(
        new ProducerRecord<>(topic, article.id(), Topics.DISCOVERED.valueSerde().toBytes(article)));
  }

  /** Sends and waits for the broker's acknowledgement. */
  public void publish(DiscoveredArticle article) {
    var record =
        new ProducerRecord<>(topic, article.id(), Topics.DISCOVERED.valueSerde().toBytes(article));
    AcknowledgedSend.send(producer, record, "article");
  }

  public void deadLetter(DeadLetter letter) {
    deadLetters.publish(letter);
  }
}
