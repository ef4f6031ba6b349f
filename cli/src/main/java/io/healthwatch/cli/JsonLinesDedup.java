package io.healthwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.EnricherConfig;
import io.healthwatch.enricher.EnricherTopology;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * {@code dedup --jsonl}: each line becomes a discovered article and goes through the enricher's own
 * topology, in process (Kafka Streams' test driver, no broker): validation, tagging with the
 * lexicon only (names change nothing in dedup) and dedup with its real state stores. The last word
 * on each article, on the tagged or the duplicates topic, is its status.
 */
final class JsonLinesDedup {
  /** Where a corpus's line-ordered publish times begin when a line has none. */
  private static final OffsetDateTime FIRST =
      OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** Every field written, null ones too: each line of the answer has the same shape. */
  private static final com.fasterxml.jackson.databind.ObjectWriter LINES =
      Json.mapper()
          .copy()
          .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
          .writer();

  private final Path config;

  JsonLinesDedup(Path config) {
    this.config = config;
  }

  private record Input(int line, String id, String articleId) {}

  /**
   * @return how many lines were errors
   */
  int run(InputStream input, PrintStream out) throws IOException {
    // Every date is in the window and the state outlives the corpus: an offline run judges copies,
    // not ages.
    var settings =
        EnricherConfig.load(
            config,
            Map.of(),
            Map.of(
                "window.maxAge", "P36500D",
                "window.futureSkew", "P36500D",
                "dedup.retention", "P36500D",
                "tagging.recognizerChars", "0"));
    Path state = Files.createTempDirectory("healthwatch-dedup");
    var props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "healthwatch-dedup-offline");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "offline:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    var inputs = new ArrayList<Input>();
    var results = new LinkedHashMap<Integer, Map<String, Object>>();
    var last = new HashMap<String, TaggedArticle>();
    var refused = new HashMap<String, String>();
    try (var driver = new TopologyTestDriver(EnricherTopology.build(settings), props)) {
      var discovered =
          driver.createInputTopic(
              Topics.DISCOVERED.name(""),
              Serdes.String().serializer(),
              Serdes.ByteArray().serializer());
      var tagged =
          driver.createOutputTopic(
              Topics.TAGGED.name(""),
              Serdes.String().deserializer(),
              Topics.TAGGED.valueSerde().deserializer());
      var duplicates =
          driver.createOutputTopic(
              Topics.DUPLICATES.name(""),
              Serdes.String().deserializer(),
              Topics.DUPLICATES.valueSerde().deserializer());
      var deadLetters =
          driver.createOutputTopic(
              Topics.DEAD_LETTER.name(""),
              Serdes.String().deserializer(),
              Topics.DEAD_LETTER.valueSerde().deserializer());
      InputLines.read(
          input,
          (number, line) -> {
            if (line != null && line.isBlank()) {
              return;
            }
            try {
              if (line == null) {
                throw new IllegalArgumentException("not UTF-8 text");
              }
              var article = article(number, line);
              inputs.add(new Input(number, article.title(), article.id()));
              discovered.pipeInput(article.id(), Topics.DISCOVERED.valueSerde().toBytes(article));
            } catch (IllegalArgumentException e) {
              var error = new LinkedHashMap<String, Object>();
              error.put("line", number);
              error.put("error", e.getMessage());
              results.put(number, error);
            }
            // Drained as it goes: the outputs of one line are all there once it is piped.
            tagged.readValuesToList().forEach(a -> last.put(a.id(), a));
            duplicates.readValuesToList().forEach(a -> last.put(a.id(), a));
            deadLetters
                .readKeyValuesToList()
                .forEach(d -> refused.put(d.key, d.value.reason() + ": " + d.value.message()));
          });
    } finally {
      deleteTree(state);
    }
    for (Input in : inputs) {
      TaggedArticle article = last.get(in.articleId());
      var result = new LinkedHashMap<String, Object>();
      result.put("line", in.line());
      result.put("id", in.id());
      if (article == null) {
        result.put(
            "error",
            "the enricher refused it: "
                + refused.getOrDefault(in.articleId(), "no output and no dead letter"));
      } else {
        result.put("status", article.status().name());
        String primary = article.dedup().duplicateOf();
        result.put("duplicateOf", primary == null ? null : idOf(inputs, primary));
        result.put("reason", article.dedup().reason());
      }
      results.put(in.line(), result);
    }
    var ordered = new ArrayList<>(results.entrySet());
    ordered.sort(Map.Entry.comparingByKey());
    int errors = 0;
    for (var entry : ordered) {
      errors += entry.getValue().containsKey("error") ? 1 : 0;
      out.println(LINES.writeValueAsString(entry.getValue()));
    }
    out.flush();
    return errors;
  }

  private static String idOf(List<Input> inputs, String articleId) {
    return inputs.stream()
        .filter(i -> i.articleId().equals(articleId))
        .map(Input::id)
        .findFirst()
        .orElse(articleId);
  }

  /** A discovered article for a line; the line's id is kept as its title, to be printed back. */
  private static DiscoveredArticle article(int number, String line) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a line is a JSON object {\"id\", \"text\"}");
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual() || text.asText().isBlank()) {
      throw new IllegalArgumentException("a JSON line needs a non-empty string field text");
    }
    JsonNode idNode = node.get("id");
    String id = idNode == null || idNode.isNull() ? "line " + number : idNode.asText();
    OffsetDateTime published = FIRST.plusSeconds(number);
    JsonNode at = node.get("publishedAt");
    if (at != null && !at.isNull()) {
      try {
        published = OffsetDateTime.parse(at.asText());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "publishedAt "
                + at.asText()
                + " is not ISO-8601 with an offset (2024-05-17T09:30+08:00)");
      }
    }
    JsonNode source = node.get("source");
    String url = "urn:healthwatch:dedup:" + number;
    return new DiscoveredArticle(
        DiscoveredArticle.SCHEMA_VERSION,
        ArticleIds.forCanonicalUrl(url),
        url,
        url,
        "dedup",
        source == null || source.isNull() ? "" : source.asText(),
        id,
        published,
        null,
        text.asText(),
        Instant.now());
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
