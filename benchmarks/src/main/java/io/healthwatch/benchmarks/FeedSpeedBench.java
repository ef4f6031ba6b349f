package io.healthwatch.benchmarks;

import com.rometools.rome.io.SyndFeedInput;
import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.feed.FeedReader;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.FeedWriter;
import io.healthwatch.devstack.sites.LiveArticles;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.time.Instant;

/**
 * Feeds read per second by the crawler's reader next to a bare Rome parse of the same bytes, on a
 * feed shaped like a news site's, as the live test sites write it: its latest 60 items, each a
 * title, a link, an RFC 822 date in China time and the first paragraph of a real story. A crawler
 * reads every configured feed again each interval and parses all of it to find the new items, so
 * this is what a poll costs.
 */
final class FeedSpeedBench {
  private static final int ITEMS = 60;
  private static final String BASE = "http://a.test";
  private static final Charset CHARSET = java.nio.charset.StandardCharsets.UTF_8;
  private static final long ROUND_NANOS = 3_000_000_000L;

  private FeedSpeedBench() {}

  static void run(PrintStream out) throws Exception {
    byte[] feed = feed();
    DateParser dates = DateParser.china().withFetchTime(Instant.now());
    Parse reader =
        () ->
            FeedReader.read(
                feed, "application/rss+xml; charset=" + CHARSET, BASE + "/rss.xml", dates);
    Parse rome =
        () -> new SyndFeedInput().build(new StringReader(new String(feed, CHARSET))).getEntries();
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

  /** A UTF-8 outlet's feed as its live site writes it, with 60 distinct stories. */
  private static byte[] feed() {
    var outlet =
        DemoCorpus.load().outlets().stream()
            .filter(o -> Charset.forName(o.charset()).equals(CHARSET))
            .findFirst()
            .orElseThrow();
    return FeedWriter.rss(outlet, BASE, LiveArticles.distinct(ITEMS)).getBytes(CHARSET);
  }
}
