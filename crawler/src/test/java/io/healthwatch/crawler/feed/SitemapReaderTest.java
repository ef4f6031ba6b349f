package io.healthwatch.crawler.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.crawler.date.DateParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {
  @Test
  void newsSitemapGivesArticlesWithTheirTitlesAndDates() throws IOException {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url>
            <loc>https://www.nhsa.gov.cn/art/2024/5/14/art_14_12345.html</loc>
            <news:news>
              <news:publication><news:name>国家医保局</news:name><news:language>zh</news:language></news:publication>
              <news:publication_date>2024-05-14T10:23:00+08:00</news:publication_date>
              <news:title>医保码全场景应用</news:title>
            </news:news>
          </url>
          <url><loc>https://www.nhsa.gov.cn/art/2024/5/15/art_14_12346.html</loc><lastmod>2024-05-15</lastmod></url>
        </urlset>
        """;
    var content =
        SitemapReader.read(
            xml.getBytes(StandardCharsets.UTF_8),
            "text/xml",
            "https://www.nhsa.gov.cn/sitemap-news.xml",
            DateParser.china());
    assertEquals(2, content.items().size());
    var news = content.items().get(0);
    assertEquals("https://www.nhsa.gov.cn/art/2024/5/14/art_14_12345.html", news.url());
    assertEquals("医保码全场景应用", news.title());
    assertEquals(
        OffsetDateTime.parse("2024-05-14T10:23+08:00").toInstant(), news.publishedAt().toInstant());
    assertTrue(content.childSitemaps().isEmpty());
    assertEquals(
        OffsetDateTime.parse("2024-05-15T00:00+08:00"),
        content.items().get(1).publishedAt(),
        "a zone-less lastmod is in the source's zone");
  }

  @Test
  void zoneLessTimesAreTheSourcesAndGzippedSitemapsAreReadWhateverTheirType() throws IOException {
    String xml =
        """
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>https://a.cn/1.html</loc><lastmod>2024-05-14T10:23:05</lastmod></url>
          <url><loc>https://a.cn/2.html</loc><lastmod>2024-05-14T02:23:05Z</lastmod></url>
        </urlset>
        """;
    var gzipped = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gzipped)) {
      out.write(xml.getBytes(StandardCharsets.UTF_8));
    }
    var content =
        SitemapReader.read(
            gzipped.toByteArray(), "text/html", "https://a.cn/sitemap.xml.gz", DateParser.china());
    assertEquals(
        List.of(
            OffsetDateTime.parse("2024-05-14T10:23:05+08:00"),
            OffsetDateTime.parse("2024-05-14T02:23:05Z")),
        content.items().stream().map(FeedItem::publishedAt).toList());
  }

  @Test
  void indexListsItsSitemaps() throws IOException {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://a.cn/sitemap-1.xml</loc></sitemap>
          <sitemap><loc>https://a.cn/sitemap-2.xml</loc></sitemap>
        </sitemapindex>
        """;
    var content =
        SitemapReader.read(
            xml.getBytes(StandardCharsets.UTF_8),
            "text/xml",
            "https://a.cn/sitemap.xml",
            DateParser.china());
    assertEquals(
        List.of("https://a.cn/sitemap-1.xml", "https://a.cn/sitemap-2.xml"),
        content.childSitemaps());
  }

  @Test
  void htmlIsNotASitemap() {
    assertThrows(
        IOException.class,
        () ->
            SitemapReader.read(
                "<html><body>404</body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html",
                "https://a.cn/sitemap.xml",
                DateParser.china()));
  }
}
