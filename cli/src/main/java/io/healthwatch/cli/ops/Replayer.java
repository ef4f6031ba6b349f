package io.healthwatch.cli.ops;

import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.AcknowledgedSend;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.Replay;
import io.healthwatch.contracts.topic.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends dead letters back to their stage's input: a crawler URL to the frontier (its owner puts it
 * back on the schedule with a clean slate), an enricher or indexer record to the topic it was read
 * from, as it was. Each replay is recorded under the dead letter's id, so replaying it again is a
 * no-op unless asked for; downstream, a replayed record is idempotent too (same article id, same
 * revision).
 */
public final class Replayer implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final String namespace;

  /** What became of one dead letter. */
  public record Outcome(DeadLetters.Entry entry, String targetTopic, String skipped) {
    public boolean sent() {
      return skipped == null;
    }
  }

  public Replayer(KafkaSettings kafka, String namespace) {
    TopicProvisioner.ensure(kafka, namespace, List.of(Topics.REPLAYS));
    this.producer = new KafkaProducer<>(KafkaClients.producer(kafka, "healthwatch-replay"));
    this.namespace = namespace;
  }

  /**
   * @param again replay also what was replayed before
   * @param dryRun say what would be sent, send nothing
   */
  public Outcome replay(DeadLetters.Entry entry, boolean again, boolean dryRun) {
    if (entry.replayed() != null && !again) {
      return new Outcome(
          entry, entry.replayed().targetTopic(), "replayed already at " + entry.replayed().at());
    }
    DeadLetter letter = entry.letter();
    Instant now = Instant.now();
    String target;
    String key;
    byte[] value;
    if ("crawler".equals(letter.stage())) {
      FrontierUrl url = DeadLetters.frontierUrlOf(entry, now);
      if (url == null || url.url() == null || url.sourceId() == null) {
        return new Outcome(entry, null, "no URL and source to put back on the schedule");
      }
      target = Topics.FRONTIER.name(namespace);
      key = letter.key() != null && letter.sourceTopic() != null ? letter.key() : hostOf(url.url());
      value = Topics.FRONTIER.valueSerde().toBytes(url);
    } else {
      if (letter.sourceTopic() == null || letter.payload() == null) {
        return new Outcome(entry, null, "no source topic or payload to send back");
      }
      target = letter.sourceTopic();
      key = letter.key();
      value = letter.payloadBytes();
    }
    if (dryRun) {
      return new Outcome(entry, target, null);
    }
    var record = new ProducerRecord<>(target, key, value);
    record.headers().add(FrontierUrl.REPLAY_HEADER, entry.id().getBytes(StandardCharsets.UTF_8));
    AcknowledgedSend.send(producer, record, "replayed record");
    var replay =
        new Replay(
            Replay.SCHEMA_VERSION,
            entry.id(),
            letter.stage(),
            letter.reason(),
            letter.url(),
            target,
            now);
    AcknowledgedSend.send(
        producer,
        new ProducerRecord<>(
            Topics.REPLAYS.name(namespace),
            entry.id(),
            Topics.REPLAYS.valueSerde().toBytes(replay)),
        "replay record");
    return new Outcome(entry, target, null);
  }

  private static String hostOf(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
