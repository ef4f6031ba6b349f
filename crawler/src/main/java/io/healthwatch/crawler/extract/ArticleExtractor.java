package io.healthwatch.crawler.extract;

import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A generic extractor for news article pages, with no per-site rules: the body is what {@link
 * ContentScorer} finds; title, time, source and author come from metadata first, then from the text
 * around the body, nearest first. The page is only read, never changed.
 */
public final class ArticleExtractor {
  private static final Set<String> NEVER_CONTENT =
      // Not "form": ASP.NET and many portal CMSs wrap the whole page in one.
      Set.of(
          "script",
          "style",
          "noscript",
          "iframe",
          "nav",
          "footer",
          "aside",
          "select",
          "button",
          "textarea",
          "svg",
          "head",
          "template",
          "object",
          "embed",
          "input",
          "label",
          "figcaption");
  private static final Pattern SOURCE =
      Pattern.compile(
          "来源[：:]\\s*([\\p{IsHan}A-Za-z0-9·（）()]{2,24}?)(?=\\s|$|[　|丨，,。]|作者|编辑|记者|责任)");
  private static final Pattern AUTHOR =
      Pattern.compile("(?:作者|记者|责任编辑|编辑)[：:]\\s*([\\p{IsHan}A-Za-z·]{2,12})");

  /** What separates an article's title from site and channel names in a page title. */
  private static final Pattern TITLE_SEPARATOR =
      Pattern.compile("\\s*(?:_+|\\||｜|\\s[-—–]+\\s)\\s*");

  private static final String[] DATE_META = {
    "article:published_time",
    "og:article:published_time",
    "publishdate",
    "pubdate",
    "PubDate",
    "publish-date",
    "datePublished",
    "date",
    "dc.date.issued",
    "DC.date.issued",
    "publishtime"
  };

  private static final Pattern JSON_LD_DATE =
      Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

  /** A word of news CMSs saying the date next to it is the page's. */
  private static final Pattern PUBLISH_WORD =
      Pattern.compile("(?i)发布|发表|更新|发稿|刊发|出版|录入|posted|published|updated");

  /** 时间 or 日期 standing alone ("日期：2024-05-14"): the page's date too. */
  private static final Pattern BARE_LABEL = Pattern.compile("(?<!\\p{IsHan})(?:时间|日期)");

  /**
   * 时间 or 日期 after another word and right before a date (or ending a label cell): 出道日期, 发行日期, 出生日期,
   * 活动时间 date something the article is about (a wiki infobox, an album list, a notice's deadline),
   * never the page; unless the word is a publishing one (发布日期).
   */
  private static final Pattern OTHER_LABEL =
      Pattern.compile("(\\p{IsHan}{2})(?:时间|日期)[\\s：:]*(?:\\d|$)");

  /** A cell holding only a label, whose date is in the next cell. */
  private static final int LABEL_CELL = 8;

  /**
   * Shorter lines repeat in real articles (an interview's questions, a recipe's steps): only whole
   * paragraphs this long are taken for copies.
   */
  private static final int MIN_REPEATED = 80;

  /** How many text nodes before the body a publish date is looked for in. */
  private static final int DATE_LOOKBACK = 60;

  /** How many text nodes just above the body count as its header (title, dateline, source). */
  private static final int DATE_NEAR_BODY = 12;

  private final DateParser dates;

  public ArticleExtractor(ZoneId zone) {
    this.dates = new DateParser(zone);
  }

  public Extraction extract(Document page) {
    return extract(page, null);
  }

  /**
   * @param fetchedAt when the page was fetched, so "3小时前" and "05-14 10:23" can be read; or null
   */
  public Extraction extract(Document page, java.time.Instant fetchedAt) {
    DateParser dates = fetchedAt == null ? this.dates : this.dates.withFetchTime(fetchedAt);
    Element body = page.body();
    var facts = PageFacts.of(page);
    if (body == null) {
      var meta = metaDate(facts, dates);
      return new Extraction(
          title(page, facts),
          meta.orElse(null),
          meta.isPresent() ? DateEvidence.METADATA : null,
          null,
          null,
          null,
          canonical(facts));
    }
    var stats = new NodeStats(body);
    List<Element> content = ContentScorer.contentOf(body, stats);
    String title = title(page, facts);
    List<String> paragraphs = withoutRepeats(BlockText.paragraphs(content, stats), title);
    String text = String.join("\n\n", paragraphs);
    var around = Around.of(stats, content);
    Optional<Dated> published =
        metaDate(facts, dates)
            .map(at -> new Dated(at, DateEvidence.METADATA))
            .or(() -> dateNear(around, title, dates));
    String source = match(SOURCE, around.joined(), "来源");
    String author = match(AUTHOR, around.joined(), "作者", "记者", "编辑");
    return new Extraction(
        title,
        published.map(Dated::at).orElse(null),
        published.map(Dated::evidence).orElse(null),
        source,
        author,
        text.isBlank() ? null : text,
        canonical(facts));
  }

  /**
   * The paragraphs without the title restated and without second copies of a line: a gallery prints
   * each caption again per slide, a template its teaser twice, and some pages hold the article
   * twice (one copy for small screens).
   */
  static List<String> withoutRepeats(List<String> paragraphs, String title) {
    var seen = new HashSet<String>();
    var kept = new ArrayList<String>(paragraphs.size());
    for (String p : paragraphs) {
      boolean repeated = NodeStats.visibleLength(p) >= MIN_REPEATED && !seen.add(p);
      if (!repeated && !p.equals(title)) {
        kept.add(p);
      }
    }
    return kept;
  }

  /** Elements that never hold article text, by tag. */
  static boolean isNeverContent(Element element) {
    return NEVER_CONTENT.contains(element.normalName());
  }

  static boolean isInvisible(Element element) {
    if (element.hasAttr("hidden")) {
      return true;
    }
    String style = element.attr("style");
    return !style.isEmpty() && style.replace(" ", "").toLowerCase().contains("display:none");
  }

  private static String canonical(PageFacts facts) {
    String href = facts.canonicalHref();
    return href == null ? null : UrlCanonicalizer.canonicalize(href).orElse(null);
  }

  private static String title(Document page, PageFacts facts) {
    String og = facts.metas().get("og:title");
    if (og != null && !og.isBlank()) {
      return BlockText.normalize(og);
    }
    String documentTitle = page.title();
    for (Element heading : facts.headings()) {
      String text = BlockText.normalize(heading.text());
      if (text.length() >= 4 && (documentTitle.contains(text) || documentTitle.isBlank())) {
        return text;
      }
    }
    Element h1 = facts.firstH1();
    if (h1 != null && BlockText.normalize(h1.text()).length() >= 4) {
      return BlockText.normalize(h1.text());
    }
    // "标题_频道_网站" or "Title | Site": the article's title is the longest part.
    String longest = "";
    for (String part : TITLE_SEPARATOR.split(documentTitle)) {
      if (part.length() > longest.length()) {
        longest = part;
      }
    }
    return longest.isBlank() ? null : BlockText.normalize(longest);
  }

  private static Optional<OffsetDateTime> metaDate(PageFacts facts, DateParser dates) {
    for (String name : DATE_META) {
      Optional<OffsetDateTime> parsed = dates.parseValue(facts.metas().get(name));
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    for (String script : facts.jsonLd()) {
      Matcher m = JSON_LD_DATE.matcher(script);
      if (m.find()) {
        Optional<OffsetDateTime> parsed = dates.parseValue(m.group(1));
        if (parsed.isPresent()) {
          return parsed;
        }
      }
    }
    return dates.parseValue(facts.timeDatetime());
  }

  /**
   * The publish date is written close to the body, mostly just above it: look backwards from the
   * body's start first (a portal's header may show today's date further up), then inside and after
   * the body (bylines at the foot, but also comments and related-article lists), then anywhere.
   */
  private static Optional<Dated> dateNear(Around around, String title, DateParser dates) {
    // A date written with its time or after a label ("发布时间", "发表于") is a publish time more
    // surely than a bare date, which may be today's date in a portal header or an event's date;
    // but a bare date in the lines just above the body beats anything below it. The headline is
    // not a dateline, even when it opens with the date of what it reports.
    List<String> above =
        title == null
            ? around.before()
            : around.before().stream().filter(line -> !line.equals(title)).toList();
    List<Line> before = beforeBody(above, DATE_LOOKBACK);
    var below = new ArrayList<Line>();
    around.insideShort().forEach(text -> below.add(Line.of(text)));
    around.after().forEach(text -> below.add(Line.of(text)));
    Optional<OffsetDateTime> header =
        firstDate(before, true, dates)
            .or(() -> firstDate(beforeBody(above, DATE_NEAR_BODY), false, dates));
    if (header.isPresent()) {
      return header.map(at -> new Dated(at, DateEvidence.HEADER));
    }
    Optional<OffsetDateTime> byline = firstDate(below, true, dates);
    if (byline.isPresent()) {
      return byline.map(at -> new Dated(at, DateEvidence.BYLINE));
    }
    return firstDate(before, false, dates)
        .or(() -> firstDate(below, false, dates))
        .or(() -> dates.find(around.joined()))
        .map(at -> new Dated(at, DateEvidence.TEXT));
  }

  private record Dated(OffsetDateTime at, DateEvidence evidence) {}

  /**
   * A line a date is looked for in.
   *
   * @param text where the date is looked for
   * @param own the text node the line starts at: a page's label counts only there, not in the next
   *     node a split date was joined with (which may be the lead paragraph's "发布")
   * @param previous the node before it, where a label cell naming another date may stand ("出道日期" in
   *     one cell, the date in the next); empty when none
   */
  private record Line(String text, String own, String previous) {
    static Line of(String text) {
      return new Line(text, text, "");
    }
  }

  /**
   * The last {@code count} text nodes before the body, nearest first, each joined with its next.
   */
  private static List<Line> beforeBody(List<String> before, int count) {
    var lines = new ArrayList<Line>();
    for (int i = before.size() - 1; i >= Math.max(0, before.size() - count); i--) {
      // Joined with the next node: "2024年5月14日" may be split over elements.
      String own = before.get(i);
      lines.add(
          new Line(
              i + 1 < before.size() ? own + before.get(i + 1) : own,
              own,
              i > 0 ? before.get(i - 1) : ""));
    }
    return lines;
  }

  private static Optional<OffsetDateTime> firstDate(
      List<Line> lines, boolean strongOnly, DateParser dates) {
    for (Line line : lines) {
      if (namesAnotherDate(line)) {
        continue;
      }
      Optional<OffsetDateTime> found = dates.find(line.text());
      if (found.isPresent() && (!strongOnly || isStrong(line.own(), found.get()))) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static boolean isStrong(String own, OffsetDateTime found) {
    return !found.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        || PUBLISH_WORD.matcher(own).find()
        || BARE_LABEL.matcher(own).find();
  }

  private static boolean namesAnotherDate(Line line) {
    return namesAnotherDate(line.own())
        || (line.previous().length() <= LABEL_CELL && namesAnotherDate(line.previous()));
  }

  private static boolean namesAnotherDate(String text) {
    Matcher m = OTHER_LABEL.matcher(text);
    while (m.find()) {
      if (!PUBLISH_WORD.matcher(m.group(1)).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The pattern's first group, searched from the first of its labels (found far faster). */
  private static String match(Pattern pattern, String text, String... labels) {
    int from = -1;
    for (String label : labels) {
      int at = text.indexOf(label);
      if (at >= 0 && (from < 0 || at < from)) {
        from = at;
      }
    }
    if (from < 0) {
      return null;
    }
    Matcher matcher = pattern.matcher(text);
    return matcher.find(from) ? matcher.group(1).trim() : null;
  }

  /**
   * The page's text around the body, in page order: before the content elements, short lines inside
   * them (where bylines and "posted at" lines are), and after them.
   */
  private record Around(
      List<String> before, List<String> insideShort, List<String> after, String joined) {
    private static final int SHORT_LINE = 60;

    /** Text nodes kept on either side of the body. */
    private static final int WINDOW = 200;

    /** From the text nodes the stats walk noted, so the body is not walked again. */
    static Around of(NodeStats stats, List<Element> content) {
      List<String> texts = stats.texts();
      // Content elements are in page order; text before the first is "before", text in none of
      // them after that is "after" (as a byline between two content blocks is).
      int firstContent = content.isEmpty() ? 0 : stats.firstText(content.get(0));
      var insideShort = new ArrayList<String>();
      var after = new ArrayList<String>();
      int next = firstContent;
      for (Element element : content) {
        int from = stats.firstText(element);
        int to = stats.endText(element);
        for (int i = Math.max(next, firstContent); i < from; i++) {
          after.add(texts.get(i));
        }
        for (int i = Math.max(from, next); i < to; i++) {
          // Inside the body only short lines are kept: most of its text is not normalized at all.
          if (!BlockText.visibleLongerThan(texts.get(i), SHORT_LINE)) {
            insideShort.add(BlockText.normalize(texts.get(i)));
          }
        }
        next = Math.max(next, to);
      }
      for (int i = next; i < texts.size() && after.size() < WINDOW; i++) {
        after.add(texts.get(i));
      }
      // Only the lines nearest the body are normalized and kept: a portal page has thousands.
      List<String> before = normalized(texts.subList(0, firstContent), firstContent - WINDOW);
      List<String> afterLines = normalized(after, 0);
      // All of it joined once: source, author and the last-resort date all search it.
      var all = new ArrayList<>(before);
      all.addAll(insideShort);
      all.addAll(afterLines);
      return new Around(before, insideShort, afterLines, String.join("\n", all));
    }

    private static List<String> normalized(List<String> raw, int from) {
      var lines = new ArrayList<String>(WINDOW);
      for (int i = Math.max(0, from); i < raw.size() && lines.size() < WINDOW; i++) {
        String line = BlockText.normalize(raw.get(i));
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
      return lines;
    }
  }
}
