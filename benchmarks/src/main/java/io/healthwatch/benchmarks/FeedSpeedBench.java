package io.healthwatch.benchmarks;

import com.rometools.rome.io.SyndFeedInput;
import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.feed.FeedReader;
import io.healthwatch.devstack.sites.DemoCorpus;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Feeds read per second by the crawler's reader next to a bare Rome parse of the same bytes, on a
 * feed shaped like a news site's: its latest 60 items, each a title, a link, an RFC 822 date in
 * China time and the first paragraph as the description (the demo corpus' Chinese text). A crawler
 * reads every configured feed again each interval and parses all of it to find the new items, so
 * this is what a poll costs.
 */
final class FeedSpeedBench {
  private static final int ITEMS = 60;
  private static final long ROUND_NANOS = 3_000_000_000L;

  private FeedSpeedBench() {}

  static void run(PrintStream out) throws Exception {
    byte[] feed = feed().getBytes(StandardCharsets.UTF_8);
    DateParser dates = DateParser.china().withFetchTime(Instant.now());
    Parse reader =
        () ->
            FeedReader.read(feed, "application/rss+xml; charset=utf-8", "http://a.test/rss", dates);
    Parse rome =
        () ->
            new SyndFeedInput()
                .build(new StringReader(new String(feed, StandardCharsets.UTF_8)))
                .getEntries();
    if (reader.items() != ITEMS || rome.items() != ITEMS) {
      throw new IllegalStateException("the benchmark feed does not read as " + ITEMS + " items");
    }
    out.printf(
        "%nspeed: one %,d-byte RSS feed of %d items, parsed for 3 s each%n", feed.length, ITEMS);
    // Warm both first, then alternate, so the machine's noise falls on both alike.
    rate(reader);
    rate(rome);
    double ours = 0;
    double bare = 0;
    for (int round = 0; round < 3; round++) {
      ours += rate(reader);
      bare += rate(rome);
    }
    out.printf(
        "feeds/s: crawler's FeedReader %,.0f, bare Rome SyndFeedInput %,.0f; ratio %.2f%n",
        ours / 3, bare / 3, ours / bare);
  }

  private interface Parse {
    java.util.List<?> parse() throws Exception;

    default int items() throws Exception {
      return parse().size();
    }
  }

  private static double rate(Parse parse) throws Exception {
    long start = System.nanoTime();
    long done = 0;
    while (System.nanoTime() - start < ROUND_NANOS) {
      parse.parse();
      done++;
    }
    return done * 1e9 / (System.nanoTime() - start);
  }

  private static String feed() {
    var corpus = DemoCorpus.load();
    var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.append("<rss version=\"2.0\"><channel><title>健康频道</title><link>http://a.test/</link>\n");
    int n = 0;
    while (n < ITEMS) {
      for (DemoCorpus.Article article : corpus.articles()) {
        if (n == ITEMS) {
          break;
        }
        xml.append("<item><title>")
            .append(escaped(article.title()))
            .append("</title><link>http://a.test/news/")
            .append(n)
            .append(".html</link><pubDate>")
            .append(article.date().format(DateTimeFormatter.RFC_1123_DATE_TIME))
            .append("</pubDate><description><![CDATA[")
            .append(article.paragraphs().isEmpty() ? "" : article.paragraphs().get(0))
            .append("]]></description></item>\n");
        n++;
      }
    }
    return xml.append("</channel></rss>\n").toString();
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;");
  }
}
