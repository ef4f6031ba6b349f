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

/** The one-shot tools (extract, parse-feed, tag) and what commands say when a service is down. */
class ToolCommandsTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
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
    assertEquals(
        "METADATA", json.get("dateFrom").asText(), "this outlet's pages carry a publishdate");
    assertEquals("光明网", json.get("source").asText());
    assertTrue(json.get("body").asText().startsWith(article.paragraphs().get(0)));
  }

  @Test
  void aServiceThatIsNotRunningIsOneLineNotAStackTrace() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      for (String command : new String[] {"serve", "reindex", "issue"}) {
        err.reset();
        var args = new java.util.ArrayList<>(java.util.List.of(command));
        if (command.equals("issue")) {
          args.addAll(java.util.List.of("--window-end", "2024-05-17"));
        }
        args.addAll(java.util.List.of("--set", "opensearch.url=http://127.0.0.1:" + closedPort));
        assertEquals(2, HealthwatchCli.run(args.toArray(String[]::new)), command);
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("healthwatch: ") && said.contains("is it running?"), said);
        assertEquals(1, said.strip().lines().count(), command + ": " + said);
      }
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void unreadableInputExitsNonZero() throws Exception {
    Path notHtml = dir.resolve("empty.html");
    Files.writeString(notHtml, "<html><body></body></html>");
    assertEquals(2, run("extract", notHtml.toString()).exit());
    assertEquals(2, run("extract", dir.resolve("missing.html").toString()).exit());
    assertEquals(2, run("parse-feed", notHtml.toString()).exit());
    byte[] binary = new byte[1 << 20];
    new java.util.Random(1).nextBytes(binary);
    Path image = Files.write(dir.resolve("photo.html"), binary);
    var refused = run("extract", image.toString());
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("binary content"), refused.err());
  }

  @Test
  void tagJsonlAnswersEveryLineAndABadLineWithItsNumber() throws Exception {
    var input = new java.io.ByteArrayOutputStream();
    input.write(
        ("{\"id\": \"a1\", \"text\": \"国家医保局推进医保码应用\"}\n"
                + "支付宝推出医保码，上海多家医院支持线上挂号\n"
                + "{\"id\": 2, \"text\": \n")
            .getBytes(StandardCharsets.UTF_8));
    input.write(new byte[] {(byte) 0xc3, (byte) 0x28, '\n'});
    input.write("{\"id\": \"no-text\"}\r\n最后一行没有换行".getBytes(StandardCharsets.UTF_8));
    Path lines = Files.write(dir.resolve("corpus.jsonl"), input.toByteArray());
    var result = run("tag", "--jsonl", "--text-file", lines.toString());
    assertEquals(1, result.exit(), "bad lines make the exit status 1");
    var out = result.out().strip().lines().toList();
    assertEquals(6, out.size(), result.out());
    var first = io.healthwatch.contracts.Json.mapper().readTree(out.get(0));
    assertEquals("a1", first.get("id").asText());
    assertTrue(first.get("entities").toString().contains("国家医疗保障局"), out.get(0));
    assertTrue(
        out.get(1).contains("\"line\":2") && out.get(1).contains("\"entities\""), out.get(1));
    assertTrue(
        out.get(2).contains("\"line\":3") && out.get(2).contains("not valid JSON"), out.get(2));
    assertTrue(out.get(3).contains("\"line\":4") && out.get(3).contains("not UTF-8"), out.get(3));
    assertTrue(out.get(4).contains("string field text"), out.get(4));
    assertTrue(out.get(5).contains("\"line\":6") && out.get(5).contains("relevance"), out.get(5));
  }

  @Test
  void dedupJsonlPrintsEachLinesFinalStatusAndABadLineWithItsNumber() throws Exception {
    String story =
        "国家医保局近日发布通知，要求各地加快推进医保电子凭证在定点医疗机构的全流程应用。\\n"
            + "通知明确，到今年底，二级以上公立医院全部支持医保电子凭证就医结算。\\n"
            + "参保群众使用手机即可完成挂号、缴费和报销，不再需要携带实体卡。";
    var input = new java.io.ByteArrayOutputStream();
    input.write(
        ("{\"id\": \"portal\", \"source\": \"某网\", \"text\": \"首页 > 新闻\\n"
                + story.substring(0, story.indexOf("。") + 1)
                + "\\n（责任编辑：王芳）\", \"publishedAt\": \"2024-05-17T12:00+08:00\"}\n"
                + "{\"id\": \"xinhua\", \"source\": \"新华网\", \"text\": \""
                + story
                + "\", \"publishedAt\": \"2024-05-17T15:00+08:00\"}\n"
                + "{\"id\": \"other\", \"text\": \"市第一人民医院新院区今日开工建设，规划床位一千五百张，预计三年后投入使用。\"}\n"
                + "{\"id\": \"no-text\"}\n")
            .getBytes(StandardCharsets.UTF_8));
    input.write(new byte[] {(byte) 0xc3, (byte) 0x28, '\n'});
    Path lines = Files.write(dir.resolve("corpus.jsonl"), input.toByteArray());
    var result = run("dedup", "--jsonl", lines.toString());
    assertEquals(1, result.exit(), "bad lines make the exit status 1: " + result.err());
    var out = result.out().strip().lines().map(CliRunJson::read).toList();
    assertEquals(5, out.size(), result.out());
    // 新华网 ranks first in dedup.sourcePriority: the later original takes over as primary.
    assertEquals("DUPLICATE", out.get(0).get("status").asText(), out.get(0).toString());
    assertEquals("xinhua", out.get(0).get("duplicateOf").asText());
    assertTrue(out.get(0).get("reason").asText().startsWith("NEAR_DUPLICATE containment="));
    assertEquals("PRIMARY", out.get(1).get("status").asText());
    assertTrue(out.get(1).get("duplicateOf").isNull(), "every field is written, null ones too");
    assertEquals("PRIMARY", out.get(2).get("status").asText());
    assertEquals(4, out.get(3).get("line").asInt());
    assertTrue(out.get(3).get("error").asText().contains("text"), out.get(3).toString());
    assertEquals("not UTF-8 text", out.get(4).get("error").asText());
  }

  /** One JSON line read as a tree. */
  private static final class CliRunJson {
    static JsonNode read(String line) {
      try {
        return Json.mapper().readTree(line);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
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

  @Test
  void tagPrintsEntitiesWithCodePointOffsetsForAWholeArticleOneParagraphALine() throws Exception {
    var article =
        DemoCorpus.load().articles().stream()
            .filter(a -> a.id().equals("stdaily-wuhan-union-ai-clinic"))
            .findFirst()
            .orElseThrow();
    String text = String.join("\n", article.paragraphs());
    Path file = dir.resolve("article.txt");
    Files.writeString(file, text);

    var result = run("tag", "--text-file", file.toString());

    assertEquals(0, result.exit(), result.out());
    JsonNode json = Json.mapper().readTree(result.out());
    int[] codePoints = text.codePoints().toArray();
    boolean hospital = false;
    for (JsonNode entity : json.get("entities")) {
      int start = entity.get("start").asInt();
      int end = entity.get("end").asInt();
      assertEquals(entity.get("text").asText(), new String(codePoints, start, end - start));
      hospital |= entity.get("normalized").asText().equals("华中科技大学同济医学院附属协和医院");
    }
    assertTrue(hospital, result.out());
    assertTrue(json.get("relevance").asDouble() > 0.5, result.out());
    assertTrue(json.get("topics").size() > 0, result.out());
  }

  @Test
  void tagRefusesTextThatIsNotUtf8WithOneLine() throws Exception {
    Path file = dir.resolve("gbk.txt");
    Files.write(file, "国家医保局".getBytes("GBK"));
    assertEquals(2, run("tag", "--text-file", file.toString()).exit());
  }

  @Test
  void reextractRunsTheCrawlersExtractionOverArchivedPages() throws Exception {
    var corpus = DemoCorpus.load();
    var article =
        corpus.articles().stream()
            .filter(a -> a.id().equals("gmw-winning-ai-cloud"))
            .findFirst()
            .orElseThrow();
    Path warc = dir.resolve("warc");
    try (var archive = new io.healthwatch.crawler.archive.WarcArchive(warc, 1 << 20)) {
      archive.keep(
          new io.healthwatch.crawler.fetch.FetchedPage(
              "http://127.0.0.1/a.htm",
              "http://127.0.0.1/a.htm",
              200,
              "text/html",
              null,
              DemoSites.articlePage(corpus, article),
              null,
              null,
              null),
          "gmw",
          java.time.Instant.parse("2024-05-16T02:00:00Z"));
      archive.keep(
          new io.healthwatch.crawler.fetch.FetchedPage(
              "http://127.0.0.1/b.htm",
              "http://127.0.0.1/b.htm",
              200,
              "text/html",
              null,
              "<html><body>nothing here</body></html>".getBytes(),
              null,
              null,
              null),
          "gmw",
          java.time.Instant.parse("2024-05-16T02:00:00Z"));
    }
    Files.writeString(
        dir.resolve("sources.yml"),
        "sources:\n  - id: gmw\n    name: 光明网\n    kind: html-list\n    entryUrls: [\"http://127.0.0.1/list.html\"]\n");
    Path config = Files.writeString(dir.resolve("crawler.yml"), "sources: sources.yml\n");
    var result = run("reextract", warc.toString(), "--config", config.toString());
    assertEquals(0, result.exit(), result.out());
    assertTrue(result.out().contains(article.title()), result.out());
    assertTrue(result.out().contains("1 articles, 1 pages without one"), result.out());
  }
}
