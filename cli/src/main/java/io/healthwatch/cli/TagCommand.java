package io.healthwatch.cli;

import io.healthwatch.contracts.Json;
import io.healthwatch.enricher.tag.ArticleTagger;
import io.healthwatch.enricher.tag.Lexicon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./healthwatch tag [--text-file F]}: the enricher's tagging of a text, as JSON. */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Print the entities, health-IT topics and relevance the enricher finds in a text, as JSON.",
      "Reads --text-file or standard input (UTF-8): a whole article, or many sentences one per"
          + " line. Offsets are in Unicode code points of the input, end exclusive.",
      "With --jsonl, each input line is tagged on its own, a JSON object {\"id\", \"text\"} or"
          + " plain text, and one JSON line is written per input line as it goes; a line that"
          + " cannot be read gives {\"line\": N, \"error\": ...} (exit status 1 at the end)."
    })
final class TagCommand implements Callable<Integer> {
  @Option(names = "--text-file", paramLabel = "F", description = "the text (default: stdin)")
  Path textFile;

  @Option(
      names = "--lexicon",
      paramLabel = "FILE",
      description = "a lexicon YAML instead of the bundled one")
  String lexicon;

  @Option(names = "--jsonl", description = "one result per input line, as JSON lines")
  boolean jsonl;

  @Override
  public Integer call() throws IOException {
    var tagger = new ArticleTagger(Lexicon.load(lexicon));
    if (jsonl) {
      try (InputStream in =
          textFile == null ? System.in : java.nio.file.Files.newInputStream(textFile)) {
        return new JsonLinesTagging(tagger).run(in, System.out) == 0 ? 0 : 1;
      }
    }
    byte[] bytes = textFile == null ? System.in.readAllBytes() : InputFiles.read(textFile);
    String text = utf8(bytes);
    var out = result(tagger.tag("", text));
    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    return 0;
  }

  /** Entities, topics and relevance as the command prints them. */
  static Map<String, Object> result(io.healthwatch.enricher.tag.Tags tags) {
    var entities = new ArrayList<Map<String, Object>>();
    for (var entity : tags.entities()) {
      var e = new LinkedHashMap<String, Object>();
      e.put("type", entity.type());
      e.put("text", entity.text());
      e.put("normalized", entity.normalized());
      e.put("start", entity.start());
      e.put("end", entity.end());
      entities.add(e);
    }
    var out = new LinkedHashMap<String, Object>();
    out.put("entities", entities);
    out.put("topics", tags.topics());
    out.put("relevance", tags.relevance());
    return out;
  }

  private String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString()
          .replace("\r\n", "\n");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          (textFile == null ? "standard input" : textFile.toString())
              + ": not UTF-8 text (convert it first, e.g. iconv -f GB18030 -t UTF-8)");
    }
  }
}
