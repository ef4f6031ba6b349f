package io.healthwatch.editorial.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.indexer.bulk.ArticleDocument;
import io.healthwatch.testkit.DebianPackage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The issue as the report's documents, checked as a person would: the PDF and DOCX read back (the
 * titles, sources and links in the issue's order), the PDF drawn to PNG by poppler's pdftoppm, the
 * DOCX opened by LibreOffice and drawn the same way. The pictures stay in target/documents/. Tools
 * that cannot be installed here skip their part, saying why; the read-back checks always run.
 */
class IssueDocumentsTest {
  private static final Path OUT = Path.of("target", "documents");
  private static final String JS_LINK = "javascript:alert(1)";

  private static final List<ArticleDocument> ARTICLES =
      List.of(
          article(
              "a",
              "支付宝助力数字医疗服务提质升级",
              "新华网",
              "https://www.news.cn/health/20240513/a.html",
              "支付宝上线医保码，群众看病更方便。\n\n第二段：医保码已覆盖全国 <b>三百</b> 多个城市。"),
          article(
              "b",
              "电子病历互联互通 检查结果互认",
              "中国科技网",
              "http://www.stdaily.com/b.html?x=1&y=2",
              "全省检查检验结果互认，患者少跑腿。"),
          article("c", "全民健康信息平台建设提速 <script>", "人民网", JS_LINK, "数据多跑路，群众少跑腿。"));

  private static IssueLayout layout;
  private static String html;

  @BeforeAll
  static void render() throws Exception {
    Files.createDirectories(OUT);
    var settings = TestIssueSettings.withArticles(3);
    layout =
        IssueLayout.of(
            settings, 575, LocalDate.of(2024, 5, 11), LocalDate.of(2024, 5, 17), ARTICLES);
    html = new IssueRenderer(settings).html(layout);
  }

  @Test
  void theDocxReadsBackInTheReportsOrderWithItsLinks() throws Exception {
    byte[] docx = new IssueDocx().render(layout);
    Files.write(OUT.resolve("issue-575.docx"), docx);
    var paragraphs = new ArrayList<String>();
    var links = new ArrayList<String>();
    try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      for (var p : doc.getParagraphs()) {
        paragraphs.add(p.getText());
        p.getRuns().stream()
            .filter(r -> r instanceof XWPFHyperlinkRun)
            .map(r -> ((XWPFHyperlinkRun) r).getHyperlink(doc).getURL())
            .forEach(links::add);
      }
    }
    assertInOrder(String.join("\n", paragraphs));
    assertEquals(
        List.of(ARTICLES.get(0).url(), ARTICLES.get(1).url()),
        links,
        "http(s) addresses are links; a javascript: one is text only");
    assertTrue(paragraphs.contains("链接：" + JS_LINK), paragraphs.toString());
  }

  @Test
  void thePdfHasTheReportsTextInOrderAndIsDrawnAsAPage() throws Exception {
    Path font = cjkFont();
    byte[] pdf = new IssuePdf(font).render(html);
    Path file = OUT.resolve("issue-575.pdf");
    Files.write(file, pdf);
    String text = pdfText(pdf);
    assertInOrder(text);
    assertTrue(text.contains("<b>三百</b>"), "markup from a page is shown as the page wrote it");
    drawn(file, "issue-575-pdf");
  }

  @Test
  void libreOfficeOpensTheDocxAndShowsTheSameIssue() throws Exception {
    Path docx = OUT.resolve("issue-575-lo.docx");
    Files.write(docx, new IssueDocx().render(layout));
    String missing = DebianPackage.install("libreoffice-writer-nogui", "fonts-wqy-microhei");
    Assumptions.assumeTrue(
        missing == null && Files.isExecutable(Path.of("/usr/bin/soffice")),
        () -> "LibreOffice is not here and could not be installed (" + missing + "): skipped");
    Path converted = OUT.resolve("libreoffice");
    Files.createDirectories(converted);
    Path profile = Files.createTempDirectory("healthwatch-lo");
    var process =
        new ProcessBuilder(
                "/usr/bin/soffice",
                "-env:UserInstallation=" + profile.toUri(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                converted.toString(),
                docx.toString())
            .redirectErrorStream(true)
            .redirectOutput(OUT.resolve("libreoffice.log").toFile())
            .start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "LibreOffice took over 3 minutes");
    assertEquals(0, process.exitValue(), Files.readString(OUT.resolve("libreoffice.log")));
    Path pdf = converted.resolve("issue-575-lo.pdf");
    String text = pdfText(Files.readAllBytes(pdf));
    assertInOrder(text);
    drawn(pdf, "issue-575-docx");
  }

  /** The reports' parts and each article's title, source and link, in the issue's order. */
  private static void assertInOrder(String text) {
    String flat = text.replaceAll("\\s+", "");
    var expected =
        new ArrayList<>(
            List.of(
                "全国卫生信息化舆情监测周报",
                "第五七五期",
                "北京市卫生健康大数据与政策研究中心",
                "2024年5月17日",
                "本期导语",
                "本期周报共收集3篇",
                "2024年5月11日到2024年5月17日",
                "一、信息目录"));
    ARTICLES.forEach(a -> expected.add(a.title()));
    expected.add("二、具体内容");
    for (var a : ARTICLES) {
      expected.add("标题：" + a.title());
      expected.add("来源：" + a.source());
      expected.add(a.url());
      expected.add("主要内容");
    }
    int at = 0;
    for (String part : expected) {
      int found = flat.indexOf(part.replaceAll("\\s+", ""), at);
      assertTrue(found >= at, "missing or out of order: " + part + "\nin: " + flat);
      at = found + 1;
    }
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (var doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** The document's pages as PNG files next to it, by pdftoppm, as a reader would see them. */
  private static void drawn(Path pdf, String name) throws Exception {
    String missing = DebianPackage.install("poppler-utils");
    Assumptions.assumeTrue(
        missing == null && Files.isExecutable(Path.of("/usr/bin/pdftoppm")),
        () -> "pdftoppm is not here and could not be installed (" + missing + "): not drawn");
    var process =
        new ProcessBuilder(
                "/usr/bin/pdftoppm",
                "-png",
                "-r",
                "60",
                pdf.toString(),
                OUT.resolve(name).toString())
            .redirectErrorStream(true)
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
    try (var pages = Files.list(OUT)) {
      var pngs = pages.filter(p -> p.getFileName().toString().startsWith(name + "-")).toList();
      assertFalse(pngs.isEmpty(), "no page drawn");
      for (Path png : pngs) {
        assertTrue(Files.size(png) > 5_000, png + " is (nearly) blank");
      }
    }
  }

  private static Path cjkFont() {
    var found = IssuePdf.font("auto");
    if (found.isEmpty()) {
      String missing = DebianPackage.install("fonts-wqy-microhei");
      Assumptions.assumeTrue(
          missing == null, () -> IssuePdf.noFontReason() + " (" + missing + "): PDF skipped");
      found = IssuePdf.font("auto");
    }
    Assumptions.assumeTrue(found.isPresent(), IssuePdf::noFontReason);
    return found.get();
  }

  private static ArticleDocument article(
      String id, String title, String source, String url, String body) {
    return TestIssueSettings.document(
        id, title, source, url, body, OffsetDateTime.parse("2024-05-14T09:00:00+08:00"));
  }
}
