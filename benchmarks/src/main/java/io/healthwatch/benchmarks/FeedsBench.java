package io.healthwatch.benchmarks;

import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.feed.FeedItem;
import io.healthwatch.crawler.feed.FeedReader;
import io.healthwatch.crawler.feed.SitemapReader;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The feed and sitemap readers on other projects' test suites (../shared/feeds): feedparser's
 * feeds, each with its {@code Expect:} line (a Python expression over feedparser's result), and
 * crawler-commons' sitemaps. Per folder: files parsed, refused (with the commonest reasons),
 * exceptions, hangs; the feeds feedparser reads without {@code bozo} that we refuse; and agreement
 * with the Expect lines on what the crawler reads of a feed: titles (feed and first entry, as
 * text), the first entry's link, dates ({@code *_parsed}, read by the crawler's date parser from
 * the element the expectation is about) and encodings. Terms about anything else are not counted.
 */
final class FeedsBench {
  private static final long TIMEOUT_SECONDS = 5;
  private static final Pattern EXPECT = Pattern.compile("(?m)^Expect:\\s*(.*)$");
  private static final Pattern HEADER = Pattern.compile("(?im)^Header:\\s*Content-type:\\s*(.*)$");
  private static final Pattern TERM_TITLE =
      Pattern.compile("^(entries\\[0\\]|feed)\\['title'\\] == (.+)$");
  private static final Pattern TERM_LINK = Pattern.compile("^entries\\[0\\]\\['link'\\] == (.+)$");
  private static final Pattern TERM_ENCODING = Pattern.compile("^encoding == (.+)$");
  private static final Pattern TERM_DATE =
      Pattern.compile(
          "^(entries\\[0\\]|feed)\\['(published|updated|created)_parsed'\\] == \\(([\\d, ]+)\\)$");

  private static final Map<String, List<String>> DATE_ELEMENTS =
      Map.of(
          "published", List.of("pubDate", "published", "issued", "dc:date", "dcterms:issued"),
          "updated",
              List.of(
                  "updated", "modified", "dcterms:modified", "dc:date", "lastBuildDate", "pubDate"),
          "created", List.of("created", "dcterms:created"));

  private FeedsBench() {}

  /** Counts of one folder. */
  private static final class Tally {
    int files;
    int parsed;
    int exceptions;
    int hangs;
    int cleanFiles;
    int cleanRefused;
    final Map<String, Integer> refusals = new TreeMap<>();
    final int[][] agreement = new int[4][2]; // titles, links, dates, encodings: {agree, total}
    final List<String> misses = new ArrayList<>();
  }

  static void run(Path data, PrintStream out) throws Exception {
    Path feedparser = data.resolve("feedparser/tests");
    Path sitemaps = data.resolve("crawler-commons-sitemaps");
    if (!Files.isDirectory(feedparser) && !Files.isDirectory(sitemaps)) {
      out.println("skipped: no shared feed data at " + data + " (see ../shared/DATA.md)");
      return;
    }
    ExecutorService pool =
        Executors.newSingleThreadExecutor(
            r -> {
              var thread = new Thread(r, "feeds-bench");
              thread.setDaemon(true);
              return thread;
            });
    try {
      if (Files.isDirectory(feedparser)) {
        out.printf(
            "%-12s %6s %7s %8s %6s %5s  %-22s %-10s %-10s %-10s %-10s%n",
            "folder",
            "files",
            "parsed",
            "refused",
            "excep",
            "hang",
            "not-bozo refused",
            "titles",
            "links",
            "dates",
            "encodings");
        try (Stream<Path> folders = Files.list(feedparser).filter(Files::isDirectory).sorted()) {
          for (Path folder : folders.toList()) {
            Tally tally = feeds(folder, pool);
            out.printf(
                "%-12s %6d %7d %8d %6d %5d  %-22s %-10s %-10s %-10s %-10s%n",
                folder.getFileName(),
                tally.files,
                tally.parsed,
                tally.files - tally.parsed - tally.exceptions - tally.hangs,
                tally.exceptions,
                tally.hangs,
                tally.cleanRefused + " of " + tally.cleanFiles,
                ratio(tally.agreement[0]),
                ratio(tally.agreement[1]),
                ratio(tally.agreement[2]),
                ratio(tally.agreement[3]));
            if (!tally.refusals.isEmpty()) {
              out.println("             refused: " + top(tally.refusals, 4));
            }
            if (Boolean.getBoolean("misses")) {
              tally.misses.forEach(miss -> out.println("             miss " + miss));
            }
          }
        }
      }
      if (Files.isDirectory(sitemaps)) {
        sitemaps(sitemaps, pool, out);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Tally feeds(Path folder, ExecutorService pool) throws IOException {
    var tally = new Tally();
    List<Path> files;
    try (Stream<Path> all = Files.walk(folder)) {
      files = all.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    for (Path file : files) {
      tally.files++;
      byte[] bytes = Files.readAllBytes(file);
      String head = new String(bytes, StandardCharsets.ISO_8859_1);
      Matcher expect = EXPECT.matcher(head);
      String expectation = expect.find() ? expect.group(1).strip() : "";
      Matcher header = HEADER.matcher(head);
      String contentType = header.find() ? header.group(1).strip() : null;
      boolean clean = expectation.startsWith("not bozo");
      tally.cleanFiles += clean ? 1 : 0;
      var future =
          pool.submit(
              () ->
                  FeedReader.parse(
                      bytes,
                      contentType,
                      "http://example.com/feed.xml",
                      new DateParser(ZoneOffset.UTC)));
      FeedReader.Feed feed;
      try {
        feed = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        tally.parsed++;
      } catch (TimeoutException e) {
        future.cancel(true);
        tally.hangs++;
        continue;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException refused) {
          tally.refusals.merge(shortReason(refused.getMessage()), 1, Integer::sum);
          if (clean) {
            tally.cleanRefused++;
            tally.misses.add(folder.relativize(file) + ": refused: " + refused.getMessage());
          }
        } else {
          tally.exceptions++;
          tally.misses.add(folder.relativize(file) + ": exception " + e.getCause());
        }
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return tally;
      }
      for (String term : terms(expectation)) {
        judge(term, feed, head, tally, folder.relativize(file).toString());
      }
    }
    return tally;
  }

  private static void judge(
      String term, FeedReader.Feed feed, String text, Tally tally, String file) {
    FeedItem first = feed.items().isEmpty() ? null : feed.items().get(0);
    Matcher m;
    if ((m = TERM_TITLE.matcher(term)).matches()) {
      String literal = PythonLiterals.string(lastLiteral(m.group(2)));
      String ours = m.group(1).equals("feed") ? feed.title() : first == null ? null : first.title();
      String got = ours == null ? "" : ours;
      // feedparser keeps sanitized markup in html titles; the crawler keeps their text.
      count(tally, 0, got.equals(literal.strip()) || got.equals(textOf(literal)), file, term, ours);
    } else if ((m = TERM_LINK.matcher(term)).matches()) {
      String raw = PythonLiterals.string(lastLiteral(m.group(1)));
      String expected = UrlCanonicalizer.resolve("http://example.com/feed.xml", raw).orElse(raw);
      count(
          tally,
          1,
          first != null && expected.equals(first.url()),
          file,
          term,
          first == null ? null : first.url());
    } else if ((m = TERM_DATE.matcher(term)).matches()) {
      String[] fields = m.group(3).split(",\\s*");
      // An entry's date is the reader's; a feed's own date (the crawler does not read it) the
      // date parser's on the element the expectation is about.
      boolean feedLevel = m.group(1).equals("feed");
      String written = feedLevel ? writtenDate(text, true, m.group(2)) : "(the reader's)";
      OffsetDateTime ours =
          feedLevel
              ? written == null
                  ? null
                  : new DateParser(ZoneOffset.UTC).parseValue(written).orElse(null)
              : first == null ? null : first.publishedAt();
      boolean agree = false;
      if (ours != null) {
        var utc = ours.withOffsetSameInstant(ZoneOffset.UTC);
        int[] got = {
          utc.getYear(),
          utc.getMonthValue(),
          utc.getDayOfMonth(),
          utc.getHour(),
          utc.getMinute(),
          utc.getSecond()
        };
        agree = true;
        for (int i = 0; i < 6; i++) {
          agree &= Integer.parseInt(fields[i].strip()) == got[i];
        }
      }
      count(tally, 2, agree, file, term, written + " -> " + ours);
    } else if ((m = TERM_ENCODING.matcher(term)).matches()) {
      String expected = family(PythonLiterals.string(m.group(1)));
      count(
          tally,
          3,
          expected.equals(family(feed.charset().name())),
          file,
          term,
          feed.charset().name());
    }
  }

  private static void count(
      Tally tally, int field, boolean agree, String file, String term, Object ours) {
    tally.agreement[field][1]++;
    if (agree) {
      tally.agreement[field][0]++;
    } else {
      tally.misses.add(file + ": " + term + " | ours: " + ours);
    }
  }

  /**
   * The text of the date element an expectation is about, in the first entry or the feed itself.
   */
  private static String writtenDate(String text, boolean feedLevel, String which) {
    Document xml = Jsoup.parse(text, "", Parser.xmlParser());
    Element scope;
    if (feedLevel) {
      scope = xml.selectFirst("channel, feed");
      if (scope == null) {
        return null;
      }
    } else {
      scope = xml.selectFirst("item, entry");
      if (scope == null) {
        return null;
      }
    }
    for (var attribute : scope.attributes()) {
      if (attribute.getKey().equalsIgnoreCase("lastmod")) {
        return attribute.getValue(); // CDF
      }
    }
    for (String name : DATE_ELEMENTS.get(which)) {
      for (Element element : scope.getElementsByTag(name)) {
        boolean inItem =
            element.parents().stream()
                .anyMatch(p -> p.normalName().equals("item") || p.normalName().equals("entry"));
        if (feedLevel && inItem) {
          continue;
        }
        if (!element.text().isBlank()) {
          return element.text().strip();
        }
      }
    }
    return null;
  }

  /** {@code entries[1]['link'] == 'x'} (a chained comparison) to its literal {@code 'x'}. */
  private static String lastLiteral(String value) {
    int at = value.lastIndexOf(" == ");
    return at < 0 ? value : value.substring(at + 4);
  }

  /** An expectation's terms, split on "and" outside string literals. */
  static List<String> terms(String expectation) {
    return PythonLiterals.split(expectation, " and ").stream().map(String::strip).toList();
  }

  /** What a reader sees of a title feedparser kept as (sanitized) markup. */
  private static String textOf(String value) {
    String text =
        value.indexOf('<') >= 0 || value.indexOf('&') >= 0 ? Jsoup.parse(value).text() : value;
    return text.replaceAll("\\s+", " ").strip();
  }

  /** Encoding names as families: gb2312, gbk and gb18030 are one; case and dashes do not count. */
  private static String family(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("_", "-");
    if (n.equals("gb2312") || n.equals("gbk") || n.equals("gb18030") || n.equals("x-gbk")) {
      return "gb";
    }
    return n.replace("-", "");
  }

  private static void sitemaps(Path folder, ExecutorService pool, PrintStream out)
      throws IOException {
    int files = 0;
    int read = 0;
    var refused = new ArrayList<String>();
    int empty = 0;
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
        String name = folder.relativize(file).toString();
        if (name.equals("LICENSE") || name.equals("do-not-visit.txt")) {
          continue;
        }
        files++;
        byte[] bytes = Files.readAllBytes(file);
        var future =
            pool.submit(
                () ->
                    SitemapReader.read(
                        bytes, null, "http://www.example.com/" + name, DateParser.china()));
        try {
          var content = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          read++;
          if (content.items().isEmpty() && content.childSitemaps().isEmpty()) {
            empty++;
          }
          if (Boolean.getBoolean("misses")) {
            out.println(
                "             "
                    + name
                    + ": "
                    + content.items().size()
                    + " URLs, "
                    + content.childSitemaps().size()
                    + " sitemaps");
          }
        } catch (TimeoutException e) {
          future.cancel(true);
          refused.add(name + ": hang");
        } catch (ExecutionException e) {
          refused.add(name + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    out.printf(
        "%-12s %6d %7d %8d   (crawler-commons sitemaps, content type sniffed; %d read empty)%n",
        "sitemaps", files, read, files - read, empty);
    refused.forEach(r -> out.println("             refused " + r));
  }

  private static String ratio(int[] counts) {
    return counts[1] == 0 ? "-" : String.format("%d/%d", counts[0], counts[1]);
  }

  private static String shortReason(String message) {
    String m = message == null ? "" : message.replaceFirst("^not a readable feed: ", "");
    m =
        m.replaceAll("\"[^\"]*\"", "\"…\"")
            .replaceAll("line \\d+", "line n")
            .replaceAll("column \\d+", "column n");
    return m.length() > 70 ? m.substring(0, 70) + "…" : m;
  }

  private static String top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(n)
        .map(e -> e.getValue() + " × " + e.getKey())
        .reduce((a, b) -> a + "; " + b)
        .orElse("");
  }
}
