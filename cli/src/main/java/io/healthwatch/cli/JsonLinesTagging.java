package io.healthwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.enricher.tag.ArticleTagger;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    var in = new BufferedInputStream(input, 1 << 16);
    var line = new ByteArrayOutputStream(4096);
    int number = 0;
    int errors = 0;
    int b;
    boolean pending = false;
    while (true) {
      b = in.read();
      if (b == '\n' || b < 0 && pending) {
        number++;
        Map<String, Object> result = answer(number, line.toByteArray());
        if (result.containsKey("error")) {
          errors++;
        }
        out.println(Json.mapper().writeValueAsString(result));
        out.flush();
        line.reset();
        pending = false;
      } else if (b >= 0) {
        line.write(b);
        pending = true;
      }
      if (b < 0) {
        return errors;
      }
    }
  }

  private Map<String, Object> answer(int number, byte[] bytes) {
    var result = new LinkedHashMap<String, Object>();
    result.put("line", number);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      result.put("error", "not UTF-8 text");
      return result;
    }
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
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
