package io.healthwatch.enricher.ner;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Annotated sentences in the CLUENER JSON-lines form ({@code {"text", "label": {TYPE: {SURFACE:
 * [[start, end_inclusive]]}}}}, code point offsets), read into gold tags with the corpus's types
 * mapped onto the model's. A type mapped to nothing is left outside; a span overlapping an earlier
 * one is dropped.
 */
public final class NerCorpus {
  /** One annotated sentence: code points and gold spans (end exclusive) with model types. */
  public record Sentence(int[] text, List<NerModel.Entity> gold) {}

  private NerCorpus() {}

  public static List<Sentence> read(Path file, List<String> types, Map<String, String> typeMap)
      throws IOException {
    var out = new ArrayList<Sentence>();
    int line = 0;
    for (String json : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      line++;
      if (json.isBlank()) {
        continue;
      }
      JsonNode node = Json.mapper().readTree(json);
      JsonNode text = node.get("text");
      if (text == null) {
        throw new IOException(file + " line " + line + ": no \"text\" field");
      }
      int[] codePoints = text.asText().codePoints().toArray();
      var gold = new ArrayList<NerModel.Entity>();
      JsonNode labels = node.get("label");
      if (labels != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
          var byType = it.next();
          String mapped = typeMap.get(byType.getKey());
          int type = mapped == null ? -1 : types.indexOf(mapped);
          if (type < 0) {
            continue;
          }
          for (JsonNode offsets : byType.getValue()) {
            for (JsonNode range : offsets) {
              int start = range.get(0).asInt();
              int end = range.get(1).asInt() + 1;
              if (start >= 0 && end <= codePoints.length && start < end) {
                gold.add(new NerModel.Entity(start, end, type));
              }
            }
          }
        }
      }
      gold.sort(java.util.Comparator.comparingInt(NerModel.Entity::start));
      var kept = new ArrayList<NerModel.Entity>();
      int until = 0;
      for (NerModel.Entity entity : gold) {
        if (entity.start() >= until) {
          kept.add(entity);
          until = entity.end();
        }
      }
      out.add(new Sentence(codePoints, kept));
    }
    return out;
  }

  /** Gold BIOES tags of a sentence. */
  public static int[] tags(Sentence sentence) {
    int[] tags = new int[sentence.text().length];
    for (NerModel.Entity entity : sentence.gold()) {
      int type = entity.type();
      if (entity.end() - entity.start() == 1) {
        tags[entity.start()] = NerTags.single(type);
      } else {
        tags[entity.start()] = NerTags.begin(type);
        for (int i = entity.start() + 1; i < entity.end() - 1; i++) {
          tags[i] = NerTags.inside(type);
        }
        tags[entity.end() - 1] = NerTags.end(type);
      }
    }
    return tags;
  }
}
