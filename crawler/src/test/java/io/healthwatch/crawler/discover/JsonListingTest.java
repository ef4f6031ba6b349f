package io.healthwatch.crawler.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.source.Source;
import java.io.IOException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class JsonListingTest {
  private static final Source.JsonLinks CCTV =
      new Source.JsonLinks("data.list", "url", "title", "focus_date");
  private static final String BASE =
      "https://news.cctv.com/2019/07/gaiban/cmsdatainterface/page/health_1.jsonp";

  @Test
  void aJsonpEndpointGivesItsLinksTitlesAndDatesInTheSourcesZone() throws IOException {
    String jsonp =
        """
        health({"data":{"total":2,"list":[
          {"title":"互联网医院试点扩大","url":"https://news.cctv.com/2024/05/14/ARTIa1.shtml",
           "focus_date":"2024-05-14 10:23:05"},
          {"title":"医保码","url":"/2024/05/15/ARTIb2.shtml","focus_date":1715740800},
          {"title":"没有链接"}
        ]}});
        """;
    var items = JsonListing.read(jsonp, BASE, CCTV, DateParser.china());
    assertEquals(2, items.size(), "an item without a link is left out");
    assertEquals("https://news.cctv.com/2024/05/14/ARTIa1.shtml", items.get(0).url());
    assertEquals("互联网医院试点扩大", items.get(0).title());
    assertEquals(OffsetDateTime.parse("2024-05-14T10:23:05+08:00"), items.get(0).publishedAt());
    assertEquals("https://news.cctv.com/2024/05/15/ARTIb2.shtml", items.get(1).url(), "resolved");
    assertEquals(
        OffsetDateTime.parse("2024-05-15T10:40+08:00").toInstant(),
        items.get(1).publishedAt().toInstant(),
        "epoch seconds");
  }

  @Test
  void aTopLevelArrayNeedsNoItemsPath() throws IOException {
    var items =
        JsonListing.read(
            "[{\"link\":\"https://a.cn/1.html\"}]",
            "https://a.cn/api",
            new Source.JsonLinks("", "link", null, null),
            DateParser.china());
    assertEquals("https://a.cn/1.html", items.get(0).url());
  }

  @Test
  void brokenJsonAndAMissingItemsPathAreClearErrors() {
    var broken =
        assertThrows(
            IOException.class,
            () -> JsonListing.read("health({\"data\":", BASE, CCTV, DateParser.china()));
    assertTrue(broken.getMessage().startsWith("not readable JSON: "), broken.getMessage());
    var moved =
        assertThrows(
            IOException.class,
            () -> JsonListing.read("{\"result\":[]}", BASE, CCTV, DateParser.china()));
    assertTrue(moved.getMessage().contains("no items at 'data.list'"), moved.getMessage());
  }
}
