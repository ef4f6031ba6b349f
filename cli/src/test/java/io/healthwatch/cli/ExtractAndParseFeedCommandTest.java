package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractAndParseFeedCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out) {}

  private static Run run(String... args) {
    var buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      int exit = HealthwatchCli.run(args);
      return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void extractPrintsTheArticleOfAGbkPageAsJson() throws Exception {
    var corpus = DemoCorpus.load();
    var article =
        corpus.articles().stream()
            .filter(a -> a.id().equals("gmw-winning-ai-cloud"))
            .findFirst()
            .orElseThrow();
    Path page = dir.resolve("page.html");
    Files.write(page, DemoSites.articlePage(corpus, article));

    var result = run("extract", page.toString(), "--url", "http://127.0.0.1/x.htm");

    assertEquals(0, result.exit());
    JsonNode json = Json.mapper().readTree(result.out());
    assertEquals(article.title(), json.get("title").asText());
    assertEquals("2024-05-20T07:30+08:00", json.get("publishedAt").asText());
    assertEquals("光明网", json.get("source").asText());
    assertTrue(json.get("body").asText().startsWith(article.paragraphs().get(0)));
  }

  @Test
  void unreadableInputExitsNonZero() throws Exception {
    Path notHtml = dir.resolve("empty.html");
    Files.writeString(notHtml, "<html><body></body></html>");
    assertEquals(2, run("extract", notHtml.toString()).exit());
    assertEquals(2, run("extract", dir.resolve("missing.html").toString()).exit());
    assertEquals(2, run("parse-feed", notHtml.toString()).exit());
  }

  @Test
  void parseFeedPrintsItsItems() throws Exception {
    Path feed = dir.resolve("feed.xml");
    Files.writeString(
        feed,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<item><title>医保码</title><link>/a.html</link></item></channel></rss>");
    var result = run("parse-feed", feed.toString(), "--url", "http://a.cn/rss.xml");
    assertEquals(0, result.exit());
    assertEquals(
        "http://a.cn/a.html", Json.mapper().readTree(result.out()).get(0).get("url").asText());
  }
}
