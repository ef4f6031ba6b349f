package io.healthwatch.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.TopicReader;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.FrontierUrl;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.message.Replay;
import io.healthwatch.contracts.topic.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dead letters of a namespace as an operator sees them: each with its id on the topic ({@code
 * <partition>-<offset>}), its source, and whether (and when) it was replayed.
 */
public final class DeadLetters {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private DeadLetters() {}

  /** One dead letter and what is known of it. */
  public record Entry(String id, DeadLetter letter, String sourceId, Replay replayed) {}

  /**
   * Which dead letters: every filter may be null.
   *
   * @param ids only these ids (none: any)
   */
  public record Filter(
      Set<String> ids, String stage, ReasonCode reason, Instant since, String sourceId) {
    public boolean isEmpty() {
      return ids.isEmpty() && stage == null && reason == null && since == null && sourceId == null;
    }

    boolean accepts(Entry entry) {
      DeadLetter l = entry.letter();
      return (ids.isEmpty() || ids.contains(entry.id()))
          && (stage == null || stage.equals(l.stage()))
          && (reason == null || reason == l.reason())
          && (since == null || !l.at().isBefore(since))
          && (sourceId == null || sourceId.equals(entry.sourceId()));
    }
  }

  /** The dead letters that pass the filter, oldest first. */
  public static List<Entry> read(KafkaSettings kafka, String namespace, Filter filter) {
    Map<String, Replay> replays = new HashMap<>();
    for (var read :
        TopicReader.readRecords(
            kafka, Topics.REPLAYS.name(namespace), Topics.REPLAYS, READ_TIMEOUT)) {
      if (read.value() != null) {
        replays.put(read.key(), read.value());
      }
    }
    var entries = new ArrayList<Entry>();
    for (var read :
        TopicReader.readRecords(
            kafka, Topics.DEAD_LETTER.name(namespace), Topics.DEAD_LETTER, READ_TIMEOUT)) {
      if (read.value() == null) {
        continue;
      }
      String id = read.partition() + "-" + read.offset();
      var entry = new Entry(id, read.value(), sourceOf(read.value()), replays.get(id));
      if (filter.accepts(entry)) {
        entries.add(entry);
      }
    }
    entries.sort(java.util.Comparator.comparing(e -> e.letter().at()));
    return entries;
  }

  /**
   * The source a dead letter is about: a crawler URL's frontier record names it, an article names
   * it in its {@code sourceId}; older crawler letters only in their message ("source X: ...").
   */
  static String sourceOf(DeadLetter letter) {
    byte[] payload = letter.payloadBytes();
    if (payload != null && payload.length > 0 && payload[0] == '{') {
      try {
        JsonNode tree = Json.mapper().readTree(payload);
        JsonNode found = tree.findValue("sourceId");
        if (found != null && found.isTextual()) {
          return found.asText();
        }
      } catch (IOException notJson) {
        // fall through to the message
      }
    }
    String message = letter.message();
    if (message != null && message.startsWith("source ")) {
      int colon = message.indexOf(':');
      if (colon > 7) {
        return message.substring(7, colon);
      }
    }
    return null;
  }

  /**
   * The frontier record a crawler dead letter puts back; written by releases before the payload was
   * one, it is made from the URL and the source the message names.
   */
  static FrontierUrl frontierUrlOf(Entry entry, Instant now) {
    DeadLetter letter = entry.letter();
    if (letter.sourceTopic() != null) {
      return Topics.FRONTIER.valueSerde().fromBytes(letter.payloadBytes());
    }
    return FrontierUrl.link(
        letter.url(), entry.sourceId(), FrontierUrl.Role.ARTICLE, null, null, null, now);
  }
}
