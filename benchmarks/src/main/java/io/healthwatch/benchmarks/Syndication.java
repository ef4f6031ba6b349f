package io.healthwatch.benchmarks;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.healthwatch.enricher.dedup.SimHash;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The harder reprint set: real stories (the seed articles and the annotated bodies of the real
 * Chinese pages) copied the way syndication copies them, inside the real furniture of other pages,
 * with hard negatives. Each page's furniture is what its HTML shows outside the annotated body:
 * navigation, related links, source and copyright lines, as that site writes them.
 *
 * <p>Reprints of a story: truncated (its first 30-70% of sentences) inside another site's
 * furniture; the whole story inside two different sites' furniture; lightly edited (a dateline,
 * inserted phrases, a sentence dropped) inside furniture; extended (the story with another story's
 * paragraphs appended as "related news"); converted to traditional script (OpenCC's phrase
 * conversion) inside furniture. Distinct pairs: different stories inside the same site's furniture
 * (which they then share), different stories each in its own furniture, and official notices from
 * one template with different content.
 */
final class Syndication {
  /** A story and the furniture of the page it came from (empty for the demo's stories). */
  record Source(String story, List<String> header, List<String> footer) {}

  /**
   * @param sameSource whether both copies come from one site (the same furniture, one ministry's
   *     notices), which dedup judges more strictly
   */
  record Pair(String kind, String a, String b, boolean duplicate, boolean sameSource) {
    Pair(String kind, String a, String b, boolean duplicate) {
      this(kind, a, b, duplicate, false);
    }
  }

  private static final int FURNITURE_LINES = 8;

  /**
   * Furniture is short blocks (links, source and copyright lines); a longer block outside the
   * annotated body is other content (a comment, another part of a serial), not furniture.
   */
  private static final int MAX_FURNITURE_BLOCK = 100;

  private static final List<String> INSERTS =
      List.of("据了解，", "记者从有关部门获悉，", "日前，", "值得一提的是，", "另据介绍，", "业内人士表示，");

  /** A notice template of the shape official bodies publish, with {content} for what differs. */
  private static final String NOTICE =
      "各省、自治区、直辖市及新疆生产建设兵团卫生健康委：\n"
          + "为贯彻落实党中央、国务院决策部署，进一步做好相关工作，现将有关事项通知如下。\n"
          + "{content}\n"
          + "各地要高度重视，加强组织领导，认真抓好落实，工作中遇到的问题请及时报告。\n"
          + "特此通知。\n"
          + "国家卫生健康委办公厅";

  private Syndication() {}

  /**
   * The real furniture of a page: its short text blocks that are not in the annotated body
   * (compared by letters and digits: the annotators' spacing is not the page's).
   */
  static Source source(String html, String body) {
    var blocks = new ArrayList<String>();
    String storyLetters = SimHash.lettersAndDigits(body);
    for (Element element : Jsoup.parse(html).body().select("*")) {
      String text = element.ownText().strip();
      String letters = SimHash.lettersAndDigits(text);
      if (letters.length() >= 4
          && text.length() <= MAX_FURNITURE_BLOCK
          && !storyLetters.contains(letters)) {
        blocks.add(text);
      }
    }
    var distinct = new ArrayList<>(new LinkedHashSet<>(blocks));
    int n = Math.min(FURNITURE_LINES, distinct.size() / 2);
    return new Source(
        body, distinct.subList(0, n), distinct.subList(distinct.size() - n, distinct.size()));
  }

  static List<Pair> pairs(List<Source> sources, Random random) {
    var pairs = new ArrayList<Pair>();
    var framed = sources.stream().filter(s -> !s.header().isEmpty()).toList();
    for (int i = 0; i < sources.size(); i++) {
      String story = sources.get(i).story();
      Source site = framed.get(random.nextInt(framed.size()));
      Source other = framed.get(random.nextInt(framed.size()));
      pairs.add(new Pair("truncated", story, wrap(truncate(story, random), site), true));
      pairs.add(new Pair("other furniture", wrap(story, site), wrap(story, other), true));
      pairs.add(new Pair("lightly edited", story, wrap(edit(story, random), other), true));
      String related = sources.get((i + 1) % sources.size()).story();
      pairs.add(
          new Pair(
              "extended",
              story,
              story + "\n相关新闻\n" + String.join("\n", firstParagraphs(related, 2)),
              true));
      pairs.add(
          new Pair(
              "traditional script",
              wrap(story, site),
              ZhConverterUtil.toTraditional(wrap(story, other)),
              true));
      for (int k = 1; k <= 3; k++) {
        String different = sources.get((i + k * 7) % sources.size()).story();
        if (different.equals(story)) {
          continue;
        }
        pairs.add(
            new Pair("same furniture", wrap(story, site), wrap(different, site), false, true));
        pairs.add(new Pair("different stories", wrap(story, site), wrap(different, other), false));
      }
      String next = sources.get((i + 1) % sources.size()).story();
      if (!next.equals(story)) {
        pairs.add(
            new Pair(
                "templated notice",
                NOTICE.replace("{content}", String.join("\n", firstParagraphs(story, 1))),
                NOTICE.replace("{content}", String.join("\n", firstParagraphs(next, 1))),
                false,
                true));
      }
    }
    return pairs;
  }

  private static String wrap(String story, Source site) {
    return String.join("\n", site.header())
        + "\n"
        + story
        + "\n"
        + String.join("\n", site.footer());
  }

  private static List<String> sentences(String story) {
    var out = new ArrayList<String>();
    for (String s : story.split("(?<=[。！？!?\n])")) {
      if (!s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }

  private static String truncate(String story, Random random) {
    var sentences = sentences(story);
    int keep = Math.max(2, (int) Math.round(sentences.size() * (0.3 + 0.4 * random.nextDouble())));
    return String.join("", sentences.subList(0, Math.min(keep, sentences.size())));
  }

  private static String edit(String story, Random random) {
    var sentences = new ArrayList<>(sentences(story));
    int inserts = 2 + random.nextInt(3);
    for (int k = 0; k < inserts && !sentences.isEmpty(); k++) {
      int at = random.nextInt(sentences.size());
      sentences.set(at, INSERTS.get(random.nextInt(INSERTS.size())) + sentences.get(at));
    }
    if (sentences.size() > 4) {
      sentences.remove(1 + random.nextInt(sentences.size() - 2));
    }
    return "（记者 王芳）" + String.join("", sentences);
  }

  private static List<String> firstParagraphs(String story, int count) {
    var paragraphs = new ArrayList<String>();
    for (String p : story.split("\n")) {
      if (p.strip().length() >= 20) {
        paragraphs.add(p.strip());
      }
      if (paragraphs.size() == count) {
        break;
      }
    }
    return paragraphs;
  }
}
