package io.healthwatch.editorial.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.indexer.bulk.ArticleDocument;
import io.healthwatch.testkit.HeadlessChromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The HTML issue in headless Chromium (Debian's chromium package): it renders, and the screenshot
 * is kept as a test artefact in target/screenshots/ to look at. Skipped, saying so, where no
 * Chromium is installed.
 */
class IssueScreenshotTest {
  private static final Path OUT = Path.of("target", "screenshots");

  private static ArticleDocument article(String title, String source, String body) {
    return TestIssueSettings.document(
        title, source, "https://news.example/" + Math.abs(title.hashCode()), body);
  }

  @Test
  void theIssueRendersInChromium() throws Exception {
    Optional<Path> browser = HeadlessChromium.executable();
    Assumptions.assumeTrue(
        browser.isPresent(), () -> HeadlessChromium.missingBecause() + ": screenshot skipped");
    String html =
        new IssueRenderer(TestIssueSettings.withArticles(3))
            .html(
                575,
                LocalDate.of(2024, 5, 11),
                LocalDate.of(2024, 5, 17),
                List.of(
                    article(
                        "“AI+医疗”落地 看病体验升级",
                        "云南网",
                        "利用一款软件加一个麦克风，医生只需按常规方式对患者进行问诊。\n\n" + "智慧病房提供便利。"),
                    article(
                        "页面里的<script>alert(1)</script>不会执行",
                        "新华网",
                        "正文<img src=x onerror=alert(1)>照常显示。")));
    Files.createDirectories(OUT);
    Path page = OUT.resolve("issue-575.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Path png = OUT.resolve("issue-575.png").toAbsolutePath();
    Files.deleteIfExists(png);
    Process process =
        new ProcessBuilder(
                HeadlessChromium.command(
                    browser.get(),
                    "--window-size=1000,1400",
                    "--screenshot=" + png,
                    page.toAbsolutePath().toUri().toString()))
            .redirectErrorStream(true)
            .redirectOutput(OUT.resolve("chromium.log").toFile())
            .start();
    assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish in 90 s");
    var image = ImageIO.read(png.toFile());
    assertEquals(1000, image.getWidth());
    // Not a blank page: a good share of the pixels differ from the page's background.
    int background = image.getRGB(500, 5);
    int inked = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        inked += image.getRGB(x, y) != background ? 1 : 0;
      }
    }
    assertTrue(inked > image.getWidth() * image.getHeight() / 16 / 20, "inked " + inked);
  }
}
