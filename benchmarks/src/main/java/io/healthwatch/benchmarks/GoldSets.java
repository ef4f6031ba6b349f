package io.healthwatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.crawler.fetch.PageDecoder;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The measured sets: every folder under the shared extraction data (one page per subfolder: {@code
 * page.html} in any charset and {@code gold.json}), as it is there, plus the demo sites.
 */
final class GoldSets {
  private GoldSets() {}

  static Map<String, List<GoldPage>> load(Path root) throws IOException {
    var sets = new LinkedHashMap<String, List<GoldPage>>();
    if (root != null && Files.isDirectory(root)) {
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path set : dirs.filter(Files::isDirectory).sorted().toList()) {
          sets.put(set.getFileName().toString(), pages(set));
        }
      }
    }
    sets.put("demo-sites", demo());
    return sets;
  }

  private static List<GoldPage> pages(Path set) throws IOException {
    var pages = new ArrayList<GoldPage>();
    try (Stream<Path> dirs = Files.list(set)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path html = dir.resolve("page.html");
        Path gold = dir.resolve("gold.json");
        if (!Files.isRegularFile(html) || !Files.isRegularFile(gold)) {
          continue;
        }
        JsonNode g = Json.mapper().readTree(gold.toFile());
        String url = text(g, "url");
        pages.add(
            new GoldPage(
                set.getFileName().toString(),
                dir.getFileName().toString(),
                url == null ? "http://example.invalid/" + dir.getFileName() : url,
                PageDecoder.decode(Files.readAllBytes(html), null),
                text(g, "title"),
                text(g, "publishedAt"),
                text(g, "body")));
      }
    }
    return pages;
  }

  private static List<GoldPage> demo() {
    var corpus = DemoCorpus.load();
    var pages = new ArrayList<GoldPage>();
    for (var article : corpus.articles()) {
      if (article.paragraphs().isEmpty()) {
        continue;
      }
      pages.add(
          new GoldPage(
              "demo-sites",
              article.id(),
              "http://127.0.0.1:1" + article.localPath(),
              PageDecoder.decode(DemoSites.articlePage(corpus, article), null),
              article.title(),
              article.date().toString(),
              String.join("\n\n", article.paragraphs())));
    }
    return pages;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
