package io.healthwatch.contracts.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.healthwatch.contracts.Json;
import java.io.IOException;
import java.io.InputStream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopicSchemasTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers.mapPrefix("https://healthwatch.io/schemas/", "classpath:schemas/")));

  static Iterable<Topic<String, ?>> topics() {
    return Topics.all();
  }

  @ParameterizedTest
  @MethodSource("topics")
  void exampleRecordValidatesAndSurvivesTheSerdeUnchanged(Topic<String, ?> topic)
      throws IOException {
    JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + topic.schemaResource()));
    JsonNode example = read(example(topic));

    assertEquals(java.util.Set.of(), schema.validate(example), "example of " + topic.baseName());

    byte[] bytes = Json.mapper().writeValueAsBytes(example);
    Object value = topic.valueSerde().fromBytes(bytes);
    JsonNode roundTrip = read(roundTrip(topic, value));
    assertEquals(example, roundTrip, "serde must not lose or change fields of " + topic.baseName());
    assertTrue(schema.validate(roundTrip).isEmpty());
  }

  @Test
  void schemaRejectsATaggedArticleWithoutWindow() throws IOException {
    JsonSchema schema =
        FACTORY.getSchema(SchemaLocation.of("classpath:" + Topics.TAGGED.schemaResource()));
    var example = (com.fasterxml.jackson.databind.node.ObjectNode) read(example(Topics.TAGGED));
    example.remove("window");
    assertFalse(schema.validate(example).isEmpty());
  }

  @Test
  void serdeNamesTheTypeWhenBytesAreNotItsJson() {
    var error =
        assertThrows(
            SerializationException.class,
            () -> Topics.DISCOVERED.valueSerde().fromBytes("{\"id\": ".getBytes()));
    assertTrue(error.getMessage().startsWith("not a valid DiscoveredArticle"), error.getMessage());
  }

  @Test
  void namespacePrefixesTopicAndIndexNames() {
    assertEquals("healthwatch.articles.tagged.v1", Topics.TAGGED.name(""));
    assertEquals("it42.healthwatch.articles.tagged.v1", Topics.TAGGED.name("it42"));
    assertEquals("it42-healthwatch-articles", Indices.ARTICLES.alias("IT42"));
    assertEquals("healthwatch-issues-v1", Indices.ISSUES.index(""));
  }

  @SuppressWarnings("unchecked")
  private static <V> byte[] roundTrip(Topic<String, V> topic, Object value) {
    return topic.valueSerde().toBytes((V) value);
  }

  private static String example(Topic<String, ?> topic) {
    return topic.schemaResource().replace("schemas/", "examples/").replace(".schema.json", ".json");
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = TopicSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
      return Json.mapper().readTree(in);
    }
  }

  private static JsonNode read(byte[] bytes) throws IOException {
    return Json.mapper().readTree(bytes);
  }
}
