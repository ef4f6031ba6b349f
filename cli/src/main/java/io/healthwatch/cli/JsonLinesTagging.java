package io.healthwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.enricher.tag.ArticleTagger;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tag --jsonl}: a corpus tagged in one process, one line in, one JSON line out, written as
 * it goes. A line that is not UTF-8, not valid JSON or a JSON object without a text is answered by
 * an error object with its line number, and the rest goes on.
 */
final class JsonLinesTagging {
  private final ArticleTagger tagger;

  JsonLinesTagging(ArticleTagger tagger) {
    this.tagger = tagger;
  }

  /**
   * @return how many lines were errors
   */
  int run(InputStream input, PrintStream out) throws IOException {
    int[] errors = {0};
    InputLines.read(
        input,
        (number, text) -> {
          Map<String, Object> result = answer(number, text);
          if (result.containsKey("error")) {
            errors[0]++;
          }
          out.println(Json.mapper().writeValueAsString(result));
          out.flush();
        });
    return errors[0];
  }

  private Map<String, Object> answer(int number, String line) {
    var result = new LinkedHashMap<String, Object>();
    result.put("line", number);
    if (line == null) {
      result.put("error", "not UTF-8 text");
      return result;
    }
    String text = line;
    if (text.stripLeading().startsWith("{")) {
      JsonNode node;
      try {
        node = Json.mapper().readTree(text);
      } catch (JsonProcessingException e) {
        result.put("error", "not valid JSON: " + e.getOriginalMessage());
        return result;
      }
      JsonNode body = node.get("text");
      if (body == null || !body.isTextual()) {
        result.put("error", "a JSON line needs a string field text");
        return result;
      }
      JsonNode id = node.get("id");
      if (id != null && !id.isNull()) {
        result.put("id", id.isTextual() ? id.asText() : id);
      }
      text = body.asText();
    }
    result.putAll(TagCommand.result(tagger.tag("", text)));
    return result;
  }
}
