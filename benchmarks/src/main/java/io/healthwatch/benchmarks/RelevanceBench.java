package io.healthwatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.enricher.EnricherConfig;
import io.healthwatch.enricher.tag.ArticleTagger;
import io.healthwatch.enricher.tag.Lexicon;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Health-IT relevance against labels, and the threshold that separates them best. The set:
 *
 * <ul>
 *   <li>the demo corpus (the seed reports' articles and the reprint are health-IT news, the sports
 *       and stock-market stories are not; the broken pages have no text);
 *   <li>{@code demo/relevance-set.jsonl}, short articles written for this set in the shape of real
 *       ones, each with a kind: health-IT news (public-health informatization, DRG/DIP payment,
 *       insurance platforms, hospital systems, AI, data elements ...), health news without IT and
 *       IT news without health (the near misses: 系统性红斑狼疮, 免疫系统, 技术平台, clinical trial data,
 *       vaccination campaigns, veterinary systems, some under page furniture), and other news;
 *   <li>when {@code ../shared/extraction/} is there, the 44 real Chinese news and portal pages of
 *       {@code zh-handcrafted/}, their body as the crawler's extractor takes it (furniture and
 *       all); read one by one, none is health-IT news;
 *   <li>when {@code ../shared/ner/} is there, real news sentences written by others (CLUENER2020,
 *       People's Daily 1998), chosen by a fixed rule: every sentence with a health word, and every
 *       {@value #IT_SAMPLE_EVERY}th of those with an IT word but none of health. Read one by one,
 *       none of the former is health-IT news (most are health news, some use 健康 of an economy); the
 *       latter cannot be.
 * </ul>
 */
final class RelevanceBench {
  private static final Set<String> CORPUS_NOT_RELEVANT =
      Set.of("chinanews-cba-finals", "xinhua-a-share-market");

  private static final Pattern HEALTH_WORD =
      Pattern.compile("医院|医疗|医生|患者|卫生|健康|疾病|药品|医保|疫苗|门诊|病人|护士|诊疗|大夫");
  private static final Pattern IT_WORD =
      Pattern.compile("互联网|网络|信息化|数据|软件|系统|平台|智能|APP|app|在线|数字|电子|手机|云");
  private static final int IT_SAMPLE_EVERY = 12;
  private static final List<String> SENTENCE_FILES =
      List.of("cluener2020-train.jsonl", "cluener2020-dev.jsonl", "peoples-daily-dev.jsonl");

  private static final String DEMO = "demo corpus";
  private static final String REAL = "others' pages, lines";
  private static final String WRITTEN = "written";
  private static final String HELD_OUT = "written, held out";

  /**
   * @param origin whose text it is: {@link #DEMO} (the seed reports' articles, a reprint and a few
   *     stories of the demo sites), {@link #REAL} (written by others), {@link #WRITTEN} for this
   *     set, or {@link #HELD_OUT} for items written after the lexicon they are measured with and
   *     never used to change it
   */
  private record Labelled(
      String id, String title, String body, boolean relevant, String kind, String origin) {
    String shown() {
      String text = title.isEmpty() ? body : title;
      return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
  }

  private RelevanceBench() {}

  static void run(Path pages, Path sentences, PrintStream out) throws IOException {
    var items = new ArrayList<Labelled>();
    for (var article : DemoCorpus.load().articles()) {
      if (!article.paragraphs().isEmpty()) {
        boolean relevant = !CORPUS_NOT_RELEVANT.contains(article.id());
        items.add(
            new Labelled(
                article.id(),
                article.title(),
                String.join("\n", article.paragraphs()),
                relevant,
                relevant ? "health-it" : "other",
                DEMO));
      }
    }
    items.addAll(written());
    var real = realPages(pages);
    if (real.isEmpty()) {
      out.println("real pages not found at " + pages + ": measured without them");
    }
    items.addAll(real);
    var publicSentences = publicSentences(sentences);
    if (publicSentences.isEmpty()) {
      out.println("news sentences not found at " + sentences + ": measured without them");
    }
    items.addAll(publicSentences);

    var tagger = new ArticleTagger(Lexicon.load(null), 0);
    double[] scores = new double[items.size()];
    for (int i = 0; i < items.size(); i++) {
      scores[i] = tagger.tag(items.get(i).title(), items.get(i).body()).relevance();
    }
    var kinds = new TreeMap<String, Integer>();
    items.forEach(item -> kinds.merge(item.kind(), 1, Integer::sum));
    long positives = items.stream().filter(Labelled::relevant).count();
    out.printf(
        "%d labelled articles: %d health-IT, %d not; by kind %s%n",
        items.size(), positives, items.size() - positives, kinds);

    double configured = EnricherConfig.load(null, Map.of(), Map.of()).relevance().threshold();
    out.printf("%-11s %9s %9s %9s %5s %5s%n", "threshold", "precision", "recall", "F1", "FP", "FN");
    double bestF1 = -1;
    double best = configured;
    for (int step = 4; step <= 14; step++) {
      double threshold = step * 0.05;
      var result = Result.at(items, scores, threshold);
      boolean isConfigured = Math.abs(threshold - configured) < 1e-9;
      out.printf(
          "%-11s %9.3f %9.3f %9.3f %5d %5d%n",
          String.format("%.2f%s", threshold, isConfigured ? " *" : ""),
          result.precision(),
          result.recall(),
          result.f1(),
          result.falsePositives(),
          result.falseNegatives());
      if (result.f1() > bestF1 + 1e-9) {
        bestF1 = result.f1();
        best = threshold;
      }
    }
    out.println("(* relevance.threshold)");
    out.printf(
        "best F1 at %.2f (the lowest threshold of the best; relevance.threshold is %.2f)%n",
        best, configured);
    var errors = Result.at(items, scores, configured);
    out.printf("at %.2f, false positives by kind: %s%n", configured, errors.falseByKind());
    for (int i = 0; i < items.size(); i++) {
      boolean predicted = scores[i] >= configured;
      if (predicted != items.get(i).relevant()) {
        out.printf(
            "  %s %-10s %.2f %s%n",
            predicted ? "+" : "-", items.get(i).kind(), scores[i], items.get(i).shown());
      }
    }
    out.println("(+ counted relevant but is not, - missed)");
    out.printf("at %.2f, by whose text it is:%n", configured);
    out.printf(
        "%-20s %9s %5s %9s %9s %5s %5s%n",
        "", "health-IT", "not", "precision", "recall", "FP", "FN");
    for (String origin : List.of(DEMO, REAL, WRITTEN, HELD_OUT)) {
      var mine = new ArrayList<Labelled>();
      var mineScores = new ArrayList<Double>();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).origin().equals(origin)) {
          mine.add(items.get(i));
          mineScores.add(scores[i]);
        }
      }
      long relevant = mine.stream().filter(Labelled::relevant).count();
      var result =
          Result.at(
              mine, mineScores.stream().mapToDouble(Double::doubleValue).toArray(), configured);
      out.printf(
          "%-20s %9d %5d %9s %9s %5d %5d%n",
          origin,
          relevant,
          mine.size() - relevant,
          result.truePositives() + result.falsePositives() == 0
              ? "-"
              : String.format("%.3f", result.precision()),
          relevant == 0 ? "-" : String.format("%.3f", result.recall()),
          result.falsePositives(),
          result.falseNegatives());
    }
  }

  private record Result(
      int truePositives, int falsePositives, int falseNegatives, Map<String, Integer> falseByKind) {
    static Result at(List<Labelled> items, double[] scores, double threshold) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      var byKind = new TreeMap<String, Integer>();
      for (int i = 0; i < items.size(); i++) {
        boolean predicted = scores[i] >= threshold;
        boolean truth = items.get(i).relevant();
        if (predicted && truth) {
          tp++;
        } else if (predicted) {
          fp++;
          byKind.merge(items.get(i).kind(), 1, Integer::sum);
        } else if (truth) {
          fn++;
        }
      }
      return new Result(tp, fp, fn, byKind);
    }

    double precision() {
      return truePositives + falsePositives == 0
          ? 1
          : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
      return (double) truePositives / (truePositives + falseNegatives);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** The real pages, none of them health-IT news, through the crawler's extractor. */
  private static List<Labelled> realPages(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    var extractor = Extractors.healthwatch();
    var items = new ArrayList<Labelled>();
    var set = GoldSets.load(dir.getParent()).get(dir.getFileName().toString());
    for (GoldPage page : set == null ? List.<GoldPage>of() : set) {
      var result = extractor.extract(page);
      String title = result.title() == null ? "" : result.title();
      String body = result.body() == null ? "" : result.body();
      items.add(
          new Labelled(
              page.id(), title.isEmpty() ? page.id() : title, body, false, "real page", REAL));
    }
    return items;
  }

  /** Real news sentences with a health word, and a sample of those with only an IT word. */
  private static List<Labelled> publicSentences(Path dir) throws IOException {
    var items = new ArrayList<Labelled>();
    var json = new ObjectMapper();
    for (String name : SENTENCE_FILES) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      int line = 0;
      int itOnly = 0;
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        String sentence = json.readTree(text).get("text").asText();
        String id = name + ":" + line;
        if (HEALTH_WORD.matcher(sentence).find()) {
          items.add(new Labelled(id, "", sentence, false, "sentence, health word", REAL));
        } else if (IT_WORD.matcher(sentence).find() && itOnly++ % IT_SAMPLE_EVERY == 0) {
          items.add(new Labelled(id, "", sentence, false, "sentence, IT word", REAL));
        }
      }
    }
    return items;
  }

  private static List<Labelled> written() throws IOException {
    var items = new ArrayList<Labelled>();
    var json = new ObjectMapper();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                RelevanceBench.class.getResourceAsStream("/demo/relevance-set.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          JsonNode node = json.readTree(line);
          items.add(
              new Labelled(
                  node.get("id").asText(),
                  node.get("title").asText(),
                  node.get("body").asText(),
                  node.get("relevant").asBoolean(),
                  node.get("kind").asText(),
                  node.path("heldOut").asBoolean(false) ? HELD_OUT : WRITTEN));
        }
      }
    }
    return items;
  }
}
