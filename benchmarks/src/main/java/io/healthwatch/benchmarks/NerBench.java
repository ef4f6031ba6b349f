package io.healthwatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import io.healthwatch.enricher.tag.ArticleTagger;
import io.healthwatch.enricher.tag.Lexicon;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Entity spans against gold written by others: the CLUENER2020 sample in {@code ../shared/ner/}.
 * Exact span match (start and end). CLUENER's labels map to three: {@code name} is a person, {@code
 * address} a place, {@code organization}, {@code company} and {@code government} an organisation;
 * healthwatch's organisation types (ORGANIZATION, COMPANY, GOVERNMENT, HOSPITAL) all count as an
 * organisation; the other labels on either side (CLUENER's position, scene, book, game, movie;
 * healthwatch's PRODUCT, POLICY) are left out. HanLP's own recognizers run side by side: its
 * default segmenter (person names only) and with place and organisation recognition on.
 */
final class NerBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TYPES = List.of("PERSON", "PLACE", "ORG");

  /** A typed span in code points, end exclusive. */
  record Mention(String type, int start, int end) {}

  private NerBench() {}

  /**
   * The seed reports' articles against the hand annotation in the demo corpus ({@code
   * demo/seed-entities.json}): per article, each distinct name once, typed person, place or
   * organisation.
   */
  static void seeds(PrintStream out) throws IOException {
    JsonNode gold;
    try (var in = NerBench.class.getResourceAsStream("/demo/seed-entities.json")) {
      gold = JSON.readTree(in);
    }
    var corpus = io.healthwatch.devstack.sites.DemoCorpus.load();
    var tagger = new ArticleTagger(Lexicon.load(null));
    Segment hanlpDefault = HanLP.newSegment().enableOffset(true);
    Segment hanlpAll =
        HanLP.newSegment()
            .enableOffset(true)
            .enableNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOrganizationRecognize(true);
    Map<String, Function<String[], Set<String>>> candidates = new LinkedHashMap<>();
    candidates.put(
        "healthwatch",
        titleAndBody -> {
          var names = new HashSet<String>();
          for (var e : tagger.tag(titleAndBody[0], titleAndBody[1]).entities()) {
            String type = mapOurs(e.type());
            if (type != null) {
              names.add(type + ":" + e.text());
            }
          }
          return names;
        });
    candidates.put("hanlp-default", titleAndBody -> names(hanlpDefault, titleAndBody));
    candidates.put("hanlp-all-recognizers", titleAndBody -> names(hanlpAll, titleAndBody));
    out.printf("%-22s %-7s %6s %6s %6s %6s%n", "tagger", "type", "gold", "P", "R", "F1");
    for (var candidate : candidates.entrySet()) {
      Map<String, int[]> counts = new LinkedHashMap<>();
      TYPES.forEach(t -> counts.put(t, new int[3]));
      for (var entry :
          (Iterable<Map.Entry<String, JsonNode>>) () -> gold.get("articles").fields()) {
        var article =
            corpus.articles().stream()
                .filter(a -> a.id().equals(entry.getKey()))
                .findFirst()
                .orElseThrow();
        var expected = new HashSet<String>();
        entry
            .getValue()
            .fields()
            .forEachRemaining(
                t -> t.getValue().forEach(n -> expected.add(t.getKey() + ":" + n.asText())));
        Set<String> found =
            candidate
                .getValue()
                .apply(new String[] {article.title(), String.join("\n", article.paragraphs())});
        for (String name : found) {
          counts.get(name.substring(0, name.indexOf(':')))[expected.contains(name) ? 0 : 1]++;
        }
        for (String name : expected) {
          if (!found.contains(name)) {
            counts.get(name.substring(0, name.indexOf(':')))[2]++;
          }
        }
      }
      int[] all = new int[3];
      for (String type : TYPES) {
        print(out, candidate.getKey(), type, counts.get(type));
        for (int k = 0; k < 3; k++) {
          all[k] += counts.get(type)[k];
        }
      }
      print(out, candidate.getKey(), "all", all);
    }
    out.printf("(%d seed articles, distinct names per article)%n", gold.get("articles").size());
  }

  private static Set<String> names(Segment segment, String[] titleAndBody) {
    var names = new HashSet<String>();
    for (String text : titleAndBody) {
      for (Term term : segment.seg(text)) {
        String n = term.nature.toString();
        String type =
            n.startsWith("nr")
                ? "PERSON"
                : n.startsWith("ns") ? "PLACE" : n.startsWith("nt") ? "ORG" : null;
        if (type != null) {
          names.add(type + ":" + term.word);
        }
      }
    }
    return names;
  }

  static void run(Path file, PrintStream out) throws IOException {
    if (!Files.isRegularFile(file)) {
      out.println("CLUENER sample not found at " + file + ": skipping the NER benchmark");
      return;
    }
    var sentences = new ArrayList<String>();
    var gold = new ArrayList<Set<Mention>>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(line);
      sentences.add(node.get("text").asText());
      gold.add(goldMentions(node.get("label")));
    }
    var tagger = new ArticleTagger(Lexicon.load(null));
    Segment hanlpDefault = HanLP.newSegment().enableOffset(true);
    Segment hanlpAll =
        HanLP.newSegment()
            .enableOffset(true)
            .enableNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOrganizationRecognize(true);
    Map<String, Function<String, Set<Mention>>> candidates = new LinkedHashMap<>();
    candidates.put("healthwatch", text -> healthwatch(tagger, text));
    candidates.put("hanlp-default", text -> hanlp(hanlpDefault, text));
    candidates.put("hanlp-all-recognizers", text -> hanlp(hanlpAll, text));

    out.printf("%-22s %-7s %6s %6s %6s %6s%n", "tagger", "type", "gold", "P", "R", "F1");
    for (var candidate : candidates.entrySet()) {
      Map<String, int[]> counts = new LinkedHashMap<>();
      TYPES.forEach(t -> counts.put(t, new int[3]));
      for (int i = 0; i < sentences.size(); i++) {
        Set<Mention> predicted = candidate.getValue().apply(sentences.get(i));
        for (Mention m : predicted) {
          counts.get(m.type())[gold.get(i).contains(m) ? 0 : 1]++;
        }
        for (Mention m : gold.get(i)) {
          if (!predicted.contains(m)) {
            counts.get(m.type())[2]++;
          }
        }
      }
      int[] all = new int[3];
      for (String type : TYPES) {
        int[] c = counts.get(type);
        print(out, candidate.getKey(), type, c);
        for (int k = 0; k < 3; k++) {
          all[k] += c[k];
        }
      }
      print(out, candidate.getKey(), "all", all);
    }
    out.printf("(%d sentences, exact spans)%n", sentences.size());
  }

  private static void print(PrintStream out, String name, String type, int[] c) {
    double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    out.printf("%-22s %-7s %6d %6.3f %6.3f %6.3f%n", name, type, c[0] + c[2], p, r, f);
  }

  private static Set<Mention> goldMentions(JsonNode label) {
    var mentions = new HashSet<Mention>();
    label
        .fields()
        .forEachRemaining(
            typed -> {
              String type =
                  switch (typed.getKey()) {
                    case "name" -> "PERSON";
                    case "address" -> "PLACE";
                    case "organization", "company", "government" -> "ORG";
                    default -> null;
                  };
              if (type == null) {
                return;
              }
              typed
                  .getValue()
                  .fields()
                  .forEachRemaining(
                      surface -> {
                        for (JsonNode at : surface.getValue()) {
                          mentions.add(new Mention(type, at.get(0).asInt(), at.get(1).asInt() + 1));
                        }
                      });
            });
    return mentions;
  }

  private static Set<Mention> healthwatch(ArticleTagger tagger, String text) {
    var mentions = new HashSet<Mention>();
    for (var entity : tagger.tag("", text).entities()) {
      String type = mapOurs(entity.type());
      if (type != null) {
        mentions.add(new Mention(type, entity.start(), entity.end()));
      }
    }
    return mentions;
  }

  static String mapOurs(String type) {
    return switch (type) {
      case "PERSON" -> "PERSON";
      case "PLACE" -> "PLACE";
      case "ORGANIZATION", "COMPANY", "GOVERNMENT", "HOSPITAL" -> "ORG";
      default -> null;
    };
  }

  private static Set<Mention> hanlp(Segment segment, String text) {
    var mentions = new HashSet<Mention>();
    for (Term term : segment.seg(text)) {
      String n = term.nature.toString();
      String type =
          n.startsWith("nr")
              ? "PERSON"
              : n.startsWith("ns") ? "PLACE" : n.startsWith("nt") ? "ORG" : null;
      if (type != null) {
        int start = text.codePointCount(0, term.offset);
        mentions.add(
            new Mention(type, start, start + term.word.codePointCount(0, term.word.length())));
      }
    }
    return mentions;
  }
}
