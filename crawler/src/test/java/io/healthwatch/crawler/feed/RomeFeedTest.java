package io.healthwatch.crawler.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RomeFeedTest {
  private static final String DC = "http://purl.org/dc/elements/1.1/";

  @Test
  void romeMapsTheFeedWithoutReadingADateAndEachItemKeepsItsDateText() throws Exception {
    var rome =
        RomeFeed.build(
            "<rss version=\"2.0\" xmlns:dc=\""
                + DC
                + "\"><channel><title>t</title><link>http://a.cn/</link><description>d</description>"
                + "<lastBuildDate>Tue, 14 May 2024 10:00:00 +0800</lastBuildDate>"
                + "<item><title>a</title><link>http://a.cn/1</link>"
                + "<pubDate>Tue, 14 May 2024 09:12:00 +0800</pubDate></item>"
                + "<item><title>b</title><link>http://a.cn/2</link>"
                + "<dc:date>2024-05-13 08:00</dc:date></item>"
                + "<item><title>c</title><link>http://a.cn/3</link></item>"
                + "</channel></rss>");
    var entries = rome.feed().getEntries();
    assertEquals(3, entries.size());
    assertEquals("http://a.cn/2", entries.get(1).getLink());
    entries.forEach(entry -> assertNull(entry.getPublishedDate(), "Rome read a date"));
    assertNull(rome.feed().getPublishedDate());
    assertEquals("Tue, 14 May 2024 09:12:00 +0800", rome.itemDate(0, 3));
    assertEquals("2024-05-13 08:00", rome.itemDate(1, 3));
    assertNull(rome.itemDate(2, 3));
    assertNull(rome.itemDate(0, 2), "counts that differ say nothing of which item is which");
  }

  @Test
  void anAtomEntrysPublishedTimeComesBeforeItsUpdate() throws Exception {
    var rome =
        RomeFeed.build(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title>a</title>"
                + "<link href=\"http://a.cn/1\"/><updated>2024-05-15T00:00:00+08:00</updated>"
                + "<published>2024-05-14T09:12:00+08:00</published></entry></feed>");
    assertEquals("2024-05-14T09:12:00+08:00", rome.itemDate(0, 1));
    assertNull(rome.feed().getEntries().get(0).getUpdatedDate());
  }

  @Test
  void whatRomeRefusesFailsAsRomesOwnReadingDoes() {
    for (String xml : new String[] {"<rss><channel>", "<html><body/></html>", "no markup"}) {
      var ours = assertThrows(Exception.class, () -> RomeFeed.build(xml));
      var romes =
          assertThrows(Exception.class, () -> new SyndFeedInput().build(new StringReader(xml)));
      assertEquals(romes.getClass(), ours.getClass(), xml);
      assertEquals(romes.getMessage(), ours.getMessage(), xml);
    }
  }
}
