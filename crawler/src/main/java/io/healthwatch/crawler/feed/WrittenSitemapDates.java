package io.healthwatch.crawler.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The dates of a sitemap's URLs as written ({@code news:publication_date}, else {@code lastmod}),
 * so that the crawler's own date parser reads them in the source's zone: crawler-commons puts a
 * zone-less date in UTC. One streaming pass, no DTD, at most {@link #MAX_CHARS} characters of
 * (decompressed) XML; past that the rest keeps crawler-commons' reading.
 */
final class WrittenSitemapDates {
  static final long MAX_CHARS = 64L << 20;

  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
  }

  private WrittenSitemapDates() {}

  /** Each {@code <loc>} (as written, stripped) to its date text; empty when not XML. */
  static Map<String, String> of(byte[] bytes, boolean gzip) {
    var dates = new HashMap<String, String>();
    try (InputStream in =
        gzip
            ? new GZIPInputStream(new ByteArrayInputStream(bytes))
            : new ByteArrayInputStream(bytes)) {
      XMLStreamReader xml = XML.createXMLStreamReader(in);
      String loc = null;
      String lastmod = null;
      String published = null;
      while (xml.hasNext() && xml.getLocation().getCharacterOffset() < MAX_CHARS) {
        int event = xml.next();
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
          continue;
        }
        String name = xml.getLocalName();
        if (event == XMLStreamConstants.END_ELEMENT) {
          if (name.equals("url")) {
            String date = published != null ? published : lastmod;
            if (loc != null && date != null) {
              dates.putIfAbsent(loc, date);
            }
            loc = lastmod = published = null;
          }
          continue;
        }
        switch (name) {
          case "loc" -> loc = text(xml);
          case "lastmod" -> lastmod = text(xml);
          case "publication_date" -> published = text(xml);
          default -> {
            // other elements (news:title, image:loc ...) are crawler-commons'
          }
        }
      }
    } catch (XMLStreamException | IOException | RuntimeException notXml) {
      // a text sitemap, or XML crawler-commons reads leniently: its own dates stand
    }
    return dates;
  }

  private static String text(XMLStreamReader xml) throws XMLStreamException {
    String text = xml.getElementText().strip();
    return text.isEmpty() ? null : text;
  }
}
