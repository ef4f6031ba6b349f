package io.healthwatch.crawler.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
  private static final String BASE = "http://127.0.0.1:8080/rss.xml";

  @Test
  void markupNestedDeeperThanAnyFeedIsRefusedWithTheReasonNotAStackOverflow() {
    String deep =
        "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>"
            + "<div>".repeat(20_000)
            + "</description></item></channel></rss>";
    var error =
        assertThrows(
            java.io.IOException.class,
            () ->
                FeedReader.read(
                    deep.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    null,
                    "https://a.example/rss"));
    assertTrue(error.getMessage().contains("levels deep"), error.getMessage());
  }

  @Test
  void rssItemsResolveRelativeLinksAndKeepTheirDates() throws IOException {
    String rss =
        "<?xml version=\"1.0\" encoding=\"GBK\"?><rss version=\"2.0\"><channel><title>健康</title>"
            + "<item><title>医保码全场景应用</title><link>/system/2024/05/14/1.shtml</link>"
            + "<pubDate>Tue, 14 May 2024 09:12:00 +0800</pubDate></item>"
            + "<item><title>没有链接的条目</title></item></channel></rss>";
    var items = FeedReader.read(rss.getBytes(Charset.forName("GBK")), "application/rss+xml", BASE);
    assertEquals(1, items.size(), "an item without a link is skipped");
    assertEquals("http://127.0.0.1:8080/system/2024/05/14/1.shtml", items.get(0).url());
    assertEquals("医保码全场景应用", items.get(0).title());
    assertEquals(
        OffsetDateTime.parse("2024-05-14T09:12+08:00").toInstant(),
        items.get(0).publishedAt().toInstant());
  }

  @Test
  void rss10AndRss091AreRead() throws IOException {
    String rdf =
        "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
            + " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<channel rdf:about=\"http://a.cn/\"><title>t</title><link>http://a.cn/</link><description>d</description></channel>"
            + "<item rdf:about=\"http://a.cn/1.html\"><title>互联网医院</title><link>http://a.cn/1.html</link>"
            + "<dc:date>2024-05-14T09:12:00+08:00</dc:date></item></rdf:RDF>";
    var rdfItems =
        FeedReader.read(rdf.getBytes(StandardCharsets.UTF_8), "application/rdf+xml", BASE);
    assertEquals("http://a.cn/1.html", rdfItems.get(0).url());
    assertEquals(
        OffsetDateTime.parse("2024-05-14T09:12+08:00").toInstant(),
        rdfItems.get(0).publishedAt().toInstant());

    String rss091 =
        "<?xml version=\"1.0\"?><rss version=\"0.91\"><channel><title>t</title><link>http://a.cn/</link>"
            + "<description>d</description><language>zh</language><item><title>数据要素</title>"
            + "<link>http://a.cn/2.html</link></item></channel></rss>";
    assertEquals(
        "http://a.cn/2.html",
        FeedReader.read(rss091.getBytes(StandardCharsets.UTF_8), "text/xml", BASE).get(0).url());
  }

  @Test
  void atomEntriesAreRead() throws IOException {
    String atom =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<title>新华网</title><id>x</id><updated>2024-05-15T00:00:00+08:00</updated>"
            + "<entry><title>支付宝助力数字医疗</title><link rel=\"alternate\" href=\"http://a.cn/c.html\"/>"
            + "<id>1</id><updated>2024-05-15T15:40:00+08:00</updated></entry></feed>";
    var items =
        FeedReader.read(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml", BASE);
    assertEquals("http://a.cn/c.html", items.get(0).url());
  }

  @Test
  void realFeedsMalformationsAreTolerated() throws IOException {
    // A wrong encoding declaration (says UTF-8, bytes are GBK is not it: says GB2312, is UTF-8),
    // an unparseable date, HTML in the description and an HTML entity XML does not know.
    String rss =
        "<?xml version=\"1.0\" encoding=\"gb2312\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<item><title>互联网医院&nbsp;新规</title><link>http://a.cn/1.html</link>"
            + "<pubDate>2024年5月14日</pubDate><description><p>正文<br></description></item></channel></rss>";
    var items = FeedReader.read(rss.getBytes(StandardCharsets.UTF_8), "text/xml", BASE);
    assertEquals(1, items.size());
    assertEquals("http://a.cn/1.html", items.get(0).url());
    assertTrue(items.get(0).title().contains("新规"), items.get(0).title());
  }

  @Test
  void externalEntitiesAreNeverExpanded() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rss version=\"2.0\"><channel><title>&x;</title><item><title>&x;</title>"
            + "<link>http://a.cn/1</link></item></channel></rss>";
    var error =
        assertThrows(
            IOException.class,
            () ->
                FeedReader.read(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml", BASE));
    assertTrue(error.getMessage().contains("external entity 'x'"), error.getMessage());
  }

  @Test
  void plainTextEntitiesAreExpandedAndParameterEntitiesIgnoredButNestedOnesRefused()
      throws IOException {
    String declared =
        "<!DOCTYPE rss [<!ENTITY site \"健康报\"><!ENTITY % lat1 PUBLIC \"-//W3C//ENTITIES Latin"
            + " 1//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent\"> %lat1;]>";
    var item =
        only(
            rss(declared, "<item><title>&site;：医保码</title><link>http://a.cn/1</link></item>")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals("健康报：医保码", item.title());

    String laughs =
        "<!DOCTYPE rss [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
    var error =
        assertThrows(
            IOException.class,
            () ->
                FeedReader.read(
                    rss(laughs, "<item><title>&b;</title><link>http://a.cn/1</link></item>")
                        .getBytes(StandardCharsets.UTF_8),
                    null,
                    BASE));
    assertTrue(error.getMessage().contains("entity expansion"), error.getMessage());
  }

  @Test
  void aDoctypeInAnyCaseIsFoundAfterOtherDeclarationsAndComments() throws IOException {
    String declared = "<!-- <!x --><!doctype rss [<!ENTITY site \"健康报\">]><!-- <![CDATA[ -->";
    var item =
        only(
            rss(declared, "<item><title>&site;：医保码</title><link>http://a.cn/1</link></item>")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals("健康报：医保码", item.title());
  }

  @Test
  void anAtomEntrysZoneLessUpdateIsChinaTime() throws IOException {
    String feed =
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
            + "<entry><title>a</title><link href=\"http://a.cn/1\"/>"
            + "<updated>2024-05-14 09:12:00</updated></entry></feed>";
    var item = only(feed.getBytes(StandardCharsets.UTF_8));
    // A zone-less CMS time is China time, which Rome would have read in the JVM's zone.
    assertEquals(
        OffsetDateTime.parse("2024-05-14T09:12+08:00").toInstant(), item.publishedAt().toInstant());
  }

  @Test
  void htmlServedAsAFeedIsAClearError() {
    var error =
        assertThrows(
            IOException.class,
            () ->
                FeedReader.read(
                    "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8),
                    "text/html",
                    BASE));
    assertFalse(error.getMessage().isBlank());
  }

  private static String rss(String head, String itemXml) {
    return head
        + "<rss version=\"2.0\"><channel><title>t</title><link>http://a.cn/</link>"
        + "<description>d</description>"
        + itemXml
        + "</channel></rss>";
  }

  private static FeedItem only(byte[] bytes) throws IOException {
    var items = FeedReader.read(bytes, null, BASE);
    assertEquals(1, items.size());
    return items.get(0);
  }

  @Test
  void chineseCmsDatesWithoutAZoneAndCstAreChinaTimeAndImpossibleOnesAreLeftOut()
      throws IOException {
    String item = "<item><title>a</title><link>http://a.cn/1</link><pubDate>%s</pubDate></item>";
    assertEquals(
        OffsetDateTime.parse("2024-05-14T10:23:05+08:00"),
        only(rss("", String.format(item, "2024-05-14 10:23:05")).getBytes(StandardCharsets.UTF_8))
            .publishedAt());
    assertEquals(
        OffsetDateTime.parse("2024-05-14T10:23:05+08:00"),
        only(rss("", String.format(item, "Tue, 14 May 2024 10:23:05 CST"))
                .getBytes(StandardCharsets.UTF_8))
            .publishedAt());
    assertEquals(
        null,
        only(rss("", String.format(item, "99 Jun 2009 25:00:00 GMT"))
                .getBytes(StandardCharsets.UTF_8))
            .publishedAt());
  }

  @Test
  void byteOrderMarksWideEncodingsAndTheNetscapeDoctypeAreRead() throws IOException {
    String xml =
        rss(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
                + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">",
            "<item><title>互联网医院</title><link>http://a.cn/1</link></item>");
    byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xef;
    bom[1] = (byte) 0xbb;
    bom[2] = (byte) 0xbf;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertEquals("互联网医院", only(bom).title());
    String wide = xml.replace("utf-8", "utf-16");
    assertEquals(
        "互联网医院", only(wide.getBytes(StandardCharsets.UTF_16LE)).title(), "UTF-16 without a mark");
    assertEquals(
        "互联网医院", only(wide.getBytes(StandardCharsets.UTF_16)).title(), "UTF-16 with a mark");
    assertEquals(
        "互联网医院", only(xml.replace("utf-8", "utf-32").getBytes(Charset.forName("UTF-32"))).title());
  }

  @Test
  void anUndeclaredBig5FeedIsDetectedNotReadAsGb() throws IOException {
    String title = "衛生福利部推動智慧醫療與遠距醫療服務，醫院資訊系統全面升級";
    String xml =
        rss("", "<item><title>" + title + "</title><link>http://a.cn/1</link></item>")
            .replace("<title>t</title>", "<title>" + title + "</title>");
    assertEquals(title, only(xml.getBytes(Charset.forName("Big5"))).title());
  }

  @Test
  void titlesArePlainTextWhateverMarkupTheFeedPutInThem() throws IOException {
    String xml =
        rss(
            "",
            "<item><title><![CDATA[<b onclick=\"alert(1)\">医保码</b><script>x()</script> 上线]]></title>"
                + "<link>http://a.cn/1</link></item>");
    String title = only(xml.getBytes(StandardCharsets.UTF_8)).title();
    assertFalse(title.contains("<") || title.contains("onclick") || title.contains("x()"), title);
    assertTrue(title.startsWith("医保码"), title);
  }

  @Test
  void binaryBytesAndPagesThatAreNoFeedSayWhy() {
    byte[] binary = new byte[4096];
    new java.util.Random(1).nextBytes(binary);
    var error = assertThrows(IOException.class, () -> FeedReader.read(binary, "text/xml", BASE));
    assertTrue(error.getMessage().contains("binary"), error.getMessage());
    var html =
        assertThrows(
            IOException.class,
            () ->
                FeedReader.read(
                    "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8),
                    "text/xml",
                    BASE));
    assertTrue(html.getMessage().contains("<html>"), html.getMessage());
  }
}
