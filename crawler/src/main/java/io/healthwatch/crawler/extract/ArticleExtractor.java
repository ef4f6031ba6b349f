package io.healthwatch.crawler.extract;

import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

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
  private static final Pattern UNLIKELY =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|menu|topbar|footer|foot|share|share-bar|bottom-share|related|"
              + "recommend|comment|comments|crumb|breadcrumb|sidebar|aside|ad|ads|advert|copyright|"
              + "pages|pagination|hot|rank|banmian|editor|author|left_name|adInContent|social|"
              + "subscribe|login|popup|modal|cookie|newsletter|byline|dateline|caption-credit)([\\s_-]|$)");
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
  private static final Pattern DATE_LABEL =
      Pattern.compile("(?i)发布|发表|时间|日期|更新|posted|published|updated");

  /** How many text nodes before the body a publish date is looked for in. */
  private static final int DATE_LOOKBACK = 60;

  private final ChineseDateParser dates;

  public ArticleExtractor(ZoneId zone) {
    this.dates = new ChineseDateParser(zone);
  }

  public Extraction extract(Document page) {
    Element body = page.body();
    var metas = metas(page);
    if (body == null) {
      return new Extraction(
          title(page, metas),
          metaDate(page, metas).orElse(null),
          null,
          null,
          null,
          canonical(page));
    }
    var stats = new NodeStats(body);
    List<Element> content = ContentScorer.contentOf(body, stats);
    List<String> paragraphs = BlockText.paragraphs(content, stats);
    String text = String.join("\n\n", paragraphs);
    var around = Around.of(body, content);
    OffsetDateTime published = metaDate(page, metas).or(() -> dateNear(around)).orElse(null);
    String source = match(SOURCE, around.joined());
    String author = match(AUTHOR, around.joined());
    return new Extraction(
        title(page, metas),
        published,
        source,
        author,
        text.isBlank() ? null : text,
        canonical(page));
  }

  /** Elements that never hold article text, by tag or by class and id. */
  static boolean isExcluded(Element element) {
    if (NEVER_CONTENT.contains(element.normalName())) {
      return true;
    }
    String marks = element.className() + " " + element.id();
    // As Readability does: furniture words exclude, unless a content word is there too.
    return marks.length() > 1 && UNLIKELY.matcher(marks).find() && !ContentScorer.isPositive(marks);
  }

  static boolean isInvisible(Element element) {
    if (element.hasAttr("hidden")) {
      return true;
    }
    String style = element.attr("style");
    return !style.isEmpty() && style.replace(" ", "").toLowerCase().contains("display:none");
  }

  private static String canonical(Document page) {
    Element link = page.selectFirst("link[rel=canonical][href]");
    return link == null ? null : UrlCanonicalizer.canonicalize(link.absUrl("href")).orElse(null);
  }

  private static String title(Document page, Map<String, String> metas) {
    String og = metas.get("og:title");
    if (og != null && !og.isBlank()) {
      return BlockText.normalize(og);
    }
    String documentTitle = page.title();
    for (Element heading : page.select("h1, h2")) {
      String text = BlockText.normalize(heading.text());
      if (text.length() >= 4 && (documentTitle.contains(text) || documentTitle.isBlank())) {
        return text;
      }
    }
    Element h1 = page.selectFirst("h1");
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

  private Optional<OffsetDateTime> metaDate(Document page, Map<String, String> metas) {
    for (String name : DATE_META) {
      Optional<OffsetDateTime> parsed = dates.parseValue(metas.get(name));
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    for (Element script : page.select("script[type=application/ld+json]")) {
      Matcher m = JSON_LD_DATE.matcher(script.data());
      if (m.find()) {
        Optional<OffsetDateTime> parsed = dates.parseValue(m.group(1));
        if (parsed.isPresent()) {
          return parsed;
        }
      }
    }
    Element time = page.selectFirst("time[datetime]");
    return time == null ? Optional.empty() : dates.parseValue(time.attr("datetime"));
  }

  /**
   * The publish date is written close to the body: look backwards from the body's start first (a
   * portal's header may show today's date further up), then after the body, then anywhere.
   */
  private Optional<OffsetDateTime> dateNear(Around around) {
    // A date written with its time or after a label ("发布时间", "发表于") is a publish time more
    // surely than a bare date, which may be today's date in a portal header or an event's date.
    return dateNear(around, true)
        .or(() -> dateNear(around, false))
        .or(() -> dates.find(around.joined()));
  }

  private Optional<OffsetDateTime> dateNear(Around around, boolean strongOnly) {
    List<String> before = around.before();
    var candidates = new ArrayList<String>();
    for (int i = before.size() - 1; i >= Math.max(0, before.size() - DATE_LOOKBACK); i--) {
      // Joined with the next node: "2024年5月14日" may be split over elements.
      candidates.add(i + 1 < before.size() ? before.get(i) + before.get(i + 1) : before.get(i));
    }
    candidates.addAll(around.insideShort());
    candidates.addAll(around.after());
    for (String text : candidates) {
      Optional<OffsetDateTime> found = dates.find(text);
      if (found.isPresent() && (!strongOnly || isStrong(text, found.get()))) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static boolean isStrong(String text, OffsetDateTime found) {
    return !found.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        || DATE_LABEL.matcher(text).find();
  }

  /** Every meta tag's content by its name, property or itemprop: one pass, not one per lookup. */
  private static Map<String, String> metas(Document page) {
    var metas = new HashMap<String, String>();
    for (Element meta : page.getElementsByTag("meta")) {
      String content = meta.attr("content");
      for (String key :
          new String[] {meta.attr("property"), meta.attr("name"), meta.attr("itemprop")}) {
        if (!key.isEmpty()) {
          metas.putIfAbsent(key, content);
        }
      }
    }
    return metas;
  }

  private static String match(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1).trim() : null;
  }

  /**
   * The page's text around the body, in page order: before the content elements, short lines inside
   * them (where bylines and "posted at" lines are), and after them.
   */
  private record Around(
      List<String> before, List<String> insideShort, List<String> after, String joined) {
    private static final int SHORT_LINE = 60;

    static Around of(Element root, List<Element> content) {
      Set<Element> skip = Collections.newSetFromMap(new IdentityHashMap<>());
      skip.addAll(content);
      var walked = new Around(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null);
      boolean[] seenContent = {content.isEmpty()};
      walked.walk(root, skip, seenContent, false);
      // All of it joined once: source, author and the last-resort date all search it.
      var all = new ArrayList<>(walked.before());
      all.addAll(walked.insideShort());
      all.addAll(walked.after());
      return new Around(
          walked.before(), walked.insideShort(), walked.after(), String.join("\n", all));
    }

    private void walk(Node node, Set<Element> skip, boolean[] seenContent, boolean inside) {
      if (node instanceof TextNode text) {
        String t = BlockText.normalize(text.getWholeText());
        if (t.isEmpty()) {
          return;
        }
        if (inside) {
          if (t.length() <= SHORT_LINE) {
            insideShort.add(t);
          }
        } else {
          (seenContent[0] ? after : before).add(t);
        }
        return;
      }
      if (!(node instanceof Element element)) {
        return;
      }
      String name = element.normalName();
      if (name.equals("script") || name.equals("style") || name.equals("noscript")) {
        return;
      }
      boolean content = inside || skip.contains(element);
      if (content) {
        seenContent[0] = true;
      }
      for (Node child : element.childNodes()) {
        walk(child, skip, seenContent, content);
      }
    }
  }
}
