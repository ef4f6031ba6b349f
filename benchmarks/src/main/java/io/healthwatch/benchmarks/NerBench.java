package io.healthwatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import io.healthwatch.enricher.ner.NerCorpus;
import io.healthwatch.enricher.ner.NerModel;
import io.healthwatch.enricher.ner.TrainNer;
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
    Map<String, Function<String[], Set<String>>> candidates = new LinkedHashMap<>();
    taggers()
        .forEach(
            (label, tagger) ->
                candidates.put(
                    label,
                    titleAndBody -> {
                      var names = new HashSet<String>();
                      for (var e : tagger.tag(titleAndBody[0], titleAndBody[1]).entities()) {
                        String type = mapOurs(e.type());
                        if (type != null) {
                          names.add(type + ":" + e.text());
                        }
                      }
                      return names;
                    }));
    hanlpRecognizers()
        .forEach(
            (name, segment) -> candidates.put(name, titleAndBody -> names(segment, titleAndBody)));
    out.printf(HEADER, "tagger", "type", "gold", "P", "R", "F1");
    for (var candidate : candidates.entrySet()) {
      var tally = new Tally();
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
        tally.add(found, expected, name -> name.substring(0, name.indexOf(':')));
      }
      tally.print(out, candidate.getKey());
    }
    out.printf("(%d seed articles, distinct names per article)%n", gold.get("articles").size());
  }

  private static Set<String> names(Segment segment, String[] titleAndBody) {
    var names = new HashSet<String>();
    for (String text : titleAndBody) {
      for (Term term : segment.seg(text)) {
        String type = hanlpType(term);
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
    score(sentences, gold, out);
  }

  /**
   * People's Daily 1998 dev, the seeded half the shipped labeller was not trained on (the other
   * half is in its training; {@link TrainNer#peoplesDaily}); PER, LOC and ORG as person, place and
   * organisation.
   */
  static void peoplesDaily(Path file, PrintStream out) throws IOException {
    if (!Files.isRegularFile(file)) {
      out.println("People's Daily dev not found at " + file + ": skipped");
      return;
    }
    var sentences = new ArrayList<String>();
    var gold = new ArrayList<Set<Mention>>();
    for (NerCorpus.Sentence s : TrainNer.peoplesDaily(file, false)) {
      sentences.add(new String(s.text(), 0, s.text().length));
      var mentions = new HashSet<Mention>();
      for (NerModel.Entity e : s.gold()) {
        String type =
            switch (TrainNer.scoredClass(e.type())) {
              case "person" -> "PERSON";
              case "place" -> "PLACE";
              default -> "ORG";
            };
        mentions.add(new Mention(type, e.start(), e.end()));
      }
      gold.add(mentions);
    }
    score(sentences, gold, out);
  }

  private static void score(List<String> sentences, List<Set<Mention>> gold, PrintStream out) {
    Map<String, Function<String, Set<Mention>>> candidates = new LinkedHashMap<>();
    taggers().forEach((label, tagger) -> candidates.put(label, text -> healthwatch(tagger, text)));
    hanlpRecognizers()
        .forEach((name, segment) -> candidates.put(name, text -> hanlp(segment, text)));

    out.printf(HEADER, "tagger", "type", "gold", "P", "R", "F1");
    for (var candidate : candidates.entrySet()) {
      var tally = new Tally();
      for (int i = 0; i < sentences.size(); i++) {
        tally.add(candidate.getValue().apply(sentences.get(i)), gold.get(i), Mention::type);
      }
      tally.print(out, candidate.getKey());
    }
    out.printf("(%d sentences, exact spans)%n", sentences.size());
  }

  /** The enricher's tagger: lexicon, 《》 titles and the trained labeller. */
  private static Map<String, ArticleTagger> taggers() {
    return Map.of("healthwatch", new ArticleTagger(Lexicon.load(null)));
  }

  private static final String HEADER = "%-22s %-7s %6s %6s %6s %6s%n";

  /** HanLP's own recognizers, measured side by side: its default, and with all of them on. */
  private static Map<String, Segment> hanlpRecognizers() {
    var segments = new LinkedHashMap<String, Segment>();
    segments.put("hanlp-default", HanLP.newSegment().enableOffset(true));
    segments.put(
        "hanlp-all-recognizers",
        HanLP.newSegment()
            .enableOffset(true)
            .enableNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOrganizationRecognize(true));
    return segments;
  }

  /** True positives, false positives and false negatives by type, printed as P, R and F1. */
  private static final class Tally {
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    Tally() {
      TYPES.forEach(t -> counts.put(t, new int[3]));
    }

    <T> void add(Set<T> predicted, Set<T> gold, Function<T, String> typeOf) {
      for (T found : predicted) {
        counts.get(typeOf.apply(found))[gold.contains(found) ? 0 : 1]++;
      }
      for (T expected : gold) {
        if (!predicted.contains(expected)) {
          counts.get(typeOf.apply(expected))[2]++;
        }
      }
    }

    void print(PrintStream out, String tagger) {
      int[] all = new int[3];
      for (var entry : counts.entrySet()) {
        line(out, tagger, entry.getKey(), entry.getValue());
        for (int k = 0; k < 3; k++) {
          all[k] += entry.getValue()[k];
        }
      }
      line(out, tagger, "all", all);
    }

    private static void line(PrintStream out, String tagger, String type, int[] c) {
      double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      out.printf("%-22s %-7s %6d %6.3f %6.3f %6.3f%n", tagger, type, c[0] + c[2], p, r, f);
    }
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

  /** HanLP's own reading of a word: its person, place and organisation tags. */
  private static String hanlpType(Term term) {
    String n = term.nature.toString();
    return n.startsWith("nr")
        ? "PERSON"
        : n.startsWith("ns") ? "PLACE" : n.startsWith("nt") ? "ORG" : null;
  }

  private static Set<Mention> hanlp(Segment segment, String text) {
    var mentions = new HashSet<Mention>();
    for (Term term : segment.seg(text)) {
      String type = hanlpType(term);
      if (type != null) {
        int start = text.codePointCount(0, term.offset);
        mentions.add(
            new Mention(type, start, start + term.word.codePointCount(0, term.word.length())));
      }
    }
    return mentions;
  }
}
