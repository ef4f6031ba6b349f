package io.healthwatch.crawler.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.healthwatch.crawler.fetch.FetchedPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcArchiveTest {
  @TempDir Path dir;

  private static FetchedPage page(
      String url, int status, String type, byte[] body, String location) {
    return new FetchedPage(url, url, status, type, null, body, location, null, null);
  }

  @Test
  void keptResponsesReadBackWithTheirSourceStatusTypeAndBodyAndFilesRollOver() throws Exception {
    byte[] gbk = "<html><body><p>医保码</p></body></html>".getBytes("GBK");
    var at = Instant.parse("2024-05-14T02:00:00Z");
    try (var archive = new WarcArchive(dir, 1 << 20)) {
      archive.keep(page("http://a.cn/1.htm", 200, "text/html; charset=GBK", gbk, null), "gmw", at);
      // Random text, so the gzipped file really passes 1 MiB.
      var random = new java.util.Random(7);
      var text = new StringBuilder();
      for (int i = 0; i < 600_000; i++) {
        text.append((char) (0x4e00 + random.nextInt(2000)));
      }
      byte[] big = text.toString().getBytes(StandardCharsets.UTF_8);
      archive.keep(page("http://a.cn/2.htm", 200, "text/html", big, null), "gmw", at);
      archive.keep(page("http://a.cn/3.htm", 301, "", new byte[0], "http://a.cn/4.htm"), "gmw", at);
    }
    var files = WarcPages.files(dir);
    assertEquals(2, files.size(), "a new file once the first passed 1 MiB");
    var first = WarcPages.readAll(files.get(0));
    assertEquals("http://a.cn/1.htm", first.get(0).url());
    assertEquals("gmw", first.get(0).sourceId());
    assertEquals(200, first.get(0).status());
    assertEquals("text/html; charset=GBK", first.get(0).contentType());
    assertEquals(new String(gbk, "GBK"), new String(first.get(0).body(), "GBK"));
    assertEquals(at, first.get(0).fetchedAt());
    assertEquals(301, WarcPages.readAll(files.get(1)).get(0).status());
  }
}
