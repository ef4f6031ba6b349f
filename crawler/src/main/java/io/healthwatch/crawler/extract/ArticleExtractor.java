package io.healthwatch.crawler.extract;

import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;

/**
 * A generic extractor for news article pages: no per-site rules. The body is the element whose
 * paragraphs hold the most text with the fewest links; title, time, source and author come from
 * metadata first, then from the text around the body.
 */
public final class ArticleExtractor {
  /** Class or id words of page furniture that never holds the article. */
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|menu|topbar|header|footer|foot|share|share-bar|bottom-share|"
              + "related|recommend|comment|comments|crumb|breadcrumb|sidebar|aside|ad|ads|advert|"
              + "copyright|pages|pagination|hot|rank|banmian|editor|author)([\\s_-]|$)");

  private static final Pattern SOURCE =
      Pattern.compile(
          "来源[：:]\\s*([\\p{IsHan}A-Za-z0-9·（）()]{2,24}?)(?=\\s|$|[　|丨，,。]|作者|编辑|记者|责任)");
  private static final Pattern AUTHOR =
      Pattern.compile("(?:作者|记者|责任编辑|编辑)[：:]\\s*([\\p{IsHan}A-Za-z·]{2,12})");
  private static final Pattern TITLE_SUFFIX =
      Pattern.compile("\\s*[_|｜\\-—–]+\\s*[^_|｜\\-—–]{1,20}$");
  private static final String[] DATE_META = {
    "article:published_time",
    "og:article:published_time",
    "publishdate",
    "pubdate",
    "PubDate",
    "publish-date",
    "datePublished",
    "date",
    "dc.date.issued"
  };

  private final ChineseDateParser dates;

  public ArticleExtractor(ZoneId zone) {
    this.dates = new ChineseDateParser(zone);
  }

  public Extraction extract(Document page) {
    String canonical = canonical(page);
    String title = title(page);
    Document work = page.clone();
    work.select("script, style, noscript, iframe, form, nav, footer, aside, header, select, button")
        .remove();
    removeBoilerplate(work);
    Element container = bestContainer(work);
    List<String> paragraphs = container == null ? List.of() : paragraphs(container);
    String body = String.join("\n\n", paragraphs);
    String around = textAround(page, paragraphs);
    OffsetDateTime published = metaDate(page).or(() -> dates.find(around)).orElse(null);
    String source = match(SOURCE, around);
    String author = match(AUTHOR, around);
    return new Extraction(
        title, published, source, author, body.isBlank() ? null : body, canonical);
  }

  private static String canonical(Document page) {
    Element link = page.selectFirst("link[rel=canonical][href]");
    return link == null ? null : UrlCanonicalizer.canonicalize(link.absUrl("href")).orElse(null);
  }

  private static String title(Document page) {
    String og = meta(page, "og:title");
    if (og != null && !og.isBlank()) {
      return clean(og);
    }
    String documentTitle = page.title();
    for (Element heading : page.select("h1, h2")) {
      String text = clean(heading.text());
      if (text.length() >= 4 && (documentTitle.contains(text) || documentTitle.isBlank())) {
        return text;
      }
    }
    Element h1 = page.selectFirst("h1");
    if (h1 != null && clean(h1.text()).length() >= 4) {
      return clean(h1.text());
    }
    String stripped = TITLE_SUFFIX.matcher(documentTitle).replaceFirst("");
    return stripped.isBlank() ? null : clean(stripped);
  }

  private Optional<OffsetDateTime> metaDate(Document page) {
    for (String name : DATE_META) {
      Optional<OffsetDateTime> parsed = dates.parseValue(meta(page, name));
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    for (Element script : page.select("script[type=application/ld+json]")) {
      Matcher m = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"").matcher(script.data());
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

  private static String meta(Document page, String name) {
    Element meta =
        page.selectFirst(
            "meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
    return meta == null ? null : meta.attr("content");
  }

  private static void removeBoilerplate(Document work) {
    for (Element element : work.body() == null ? new Elements() : work.body().select("*")) {
      String marks = element.className() + " " + element.id();
      if (element.parent() != null && BOILERPLATE.matcher(marks).find()) {
        element.remove();
      }
    }
  }

  /** The element whose own paragraphs carry the most text, discounted by the share of link text. */
  private static Element bestContainer(Document work) {
    Element best = null;
    double bestScore = 0;
    for (Element p : work.select("p, founder-content > *, div > br")) {
      Element parent = p.parent();
      if (parent == null) {
        continue;
      }
      double score = score(parent);
      if (score > bestScore) {
        bestScore = score;
        best = parent;
      }
    }
    if (best == null && work.body() != null) {
      // Pages that put text in divs without <p>: the div with the most own text.
      for (Element div : work.body().select("div, td, article, section")) {
        double score = div.ownText().length();
        if (score > bestScore) {
          bestScore = score;
          best = div;
        }
      }
    }
    return best;
  }

  private static double score(Element container) {
    int text = 0;
    int links = 0;
    for (Element child : container.children()) {
      if (child.normalName().equals("p")) {
        text += child.text().length();
        links += child.select("a").text().length();
      }
    }
    text += container.ownText().length();
    return text == 0 ? 0 : text * (1.0 - (double) links / text);
  }

  private static List<String> paragraphs(Element container) {
    var out = new ArrayList<String>();
    var blocks = container.select("p");
    if (blocks.isEmpty()) {
      blocks = new Elements(container);
    }
    for (Element block : blocks) {
      String text = normalizeSpace(block.text());
      int linkText = block.select("a").text().length();
      boolean mostlyLinks = linkText > 0 && linkText * 2 >= text.length();
      if (!text.isEmpty() && !mostlyLinks) {
        out.add(text);
      }
    }
    return out;
  }

  /** The page text outside the body: where bylines, sources and dates are written. */
  private static String textAround(Document page, List<String> paragraphs) {
    if (page.body() == null) {
      return "";
    }
    var skip = new java.util.HashSet<>(paragraphs);
    var text = new StringBuilder();
    // Text nodes joined with a line break: adjacent elements ("新华网</span><a>分享") stay apart.
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof TextNode textNode
              && !(node.parent() instanceof Element parent
                  && (parent.normalName().equals("script")
                      || parent.normalName().equals("style")))) {
            String t = normalizeSpace(textNode.text());
            if (!t.isEmpty()) {
              text.append(t).append('\n');
            }
          }
        },
        page.body());
    String around = text.toString();
    for (String paragraph : skip) {
      around = around.replace(paragraph, " ");
    }
    return around;
  }

  private static String match(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1).trim() : null;
  }

  private static String clean(String title) {
    return normalizeSpace(title);
  }

  private static String normalizeSpace(String text) {
    return text.replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").trim();
  }
}
