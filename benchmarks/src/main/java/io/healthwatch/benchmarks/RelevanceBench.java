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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Health-IT relevance against labels: the demo corpus (the seed reports' articles and the reprint
 * are health-IT news, the sports and stock-market stories are not, nor are the broken pages, which
 * have no text) and {@code demo/relevance-set.jsonl}, 100 short articles written for this set: 50
 * on health informatization, 50 that are not, many of them near misses (health news without IT, IT
 * news without health, Alipay marketing, AI chips). And, when {@code ../shared/extraction/} is
 * there, real pages written by others: the 44 Chinese news and portal pages of {@code
 * zh-handcrafted/}, their body as the crawler's extractor takes it from the page (page furniture
 * and all). Read one by one, none is health-IT news (the near misses among them: hair loss, an
 * oncology congress, hospice-care standards, school reopening under epidemic control, podcasts and
 * blogs), so they are all labelled not relevant.
 */
final class RelevanceBench {
  private static final Set<String> CORPUS_NOT_RELEVANT =
      Set.of("chinanews-cba-finals", "xinhua-a-share-market");

  private record Labelled(String id, String title, String body, boolean relevant) {}

  private RelevanceBench() {}

  static void run(java.nio.file.Path pages, PrintStream out) throws IOException {
    var items = new ArrayList<Labelled>();
    for (var article : DemoCorpus.load().articles()) {
      if (!article.paragraphs().isEmpty()) {
        items.add(
            new Labelled(
                article.id(),
                article.title(),
                String.join("\n", article.paragraphs()),
                !CORPUS_NOT_RELEVANT.contains(article.id())));
      }
    }
    items.addAll(written());
    var real = realPages(pages);
    if (real.isEmpty()) {
      out.println("real pages not found at " + pages + ": measuring the team's set alone");
    }
    items.addAll(real);
    var tagger = new ArticleTagger(Lexicon.load(null), 0);
    double[] scores = new double[items.size()];
    for (int i = 0; i < items.size(); i++) {
      scores[i] = tagger.tag(items.get(i).title(), items.get(i).body()).relevance();
    }
    double configured = EnricherConfig.load(null, Map.of(), Map.of()).relevance().threshold();
    long positives = items.stream().filter(Labelled::relevant).count();
    out.printf(
        "%d labelled articles: %d health-IT, %d not%n",
        items.size(), positives, items.size() - positives);
    out.printf("%-11s %9s %9s %9s %5s %5s%n", "threshold", "precision", "recall", "F1", "FP", "FN");
    for (double threshold : new double[] {0.2, 0.3, 0.4, 0.5, 0.6, 0.7}) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      var errors = new ArrayList<String>();
      for (int i = 0; i < items.size(); i++) {
        boolean predicted = scores[i] >= threshold;
        boolean truth = items.get(i).relevant();
        tp += predicted && truth ? 1 : 0;
        if (predicted != truth) {
          if (predicted) {
            fp++;
          } else {
            fn++;
          }
          errors.add(
              (predicted ? "+" : "-") + items.get(i).title() + String.format(" (%.2f)", scores[i]));
        }
      }
      double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
      double r = (double) tp / (tp + fn);
      boolean isConfigured = Math.abs(threshold - configured) < 1e-9;
      out.printf(
          "%-11s %9.3f %9.3f %9.3f %5d %5d%n",
          String.format("%.1f%s", threshold, isConfigured ? " *" : ""),
          p,
          r,
          2 * p * r / (p + r),
          fp,
          fn);
      if (isConfigured && !errors.isEmpty()) {
        errors.forEach(e -> out.println("            " + e));
      }
    }
    out.println("(* relevance.threshold; + counted relevant but is not, - missed)");
  }

  /** The real pages, none of them health-IT news, through the crawler's extractor. */
  private static List<Labelled> realPages(java.nio.file.Path dir) throws IOException {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return List.of();
    }
    var extractor = Extractors.healthwatch();
    var items = new ArrayList<Labelled>();
    var set = GoldSets.load(dir.getParent()).get(dir.getFileName().toString());
    for (GoldPage page : set == null ? List.<GoldPage>of() : set) {
      var result = extractor.extract(page);
      String title = result.title() == null ? "" : result.title();
      String body = result.body() == null ? "" : result.body();
      items.add(new Labelled(page.id(), title.isEmpty() ? page.id() : title, body, false));
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
                  node.get("relevant").asBoolean()));
        }
      }
    }
    return items;
  }
}
