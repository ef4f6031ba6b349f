package io.healthwatch.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a weekly report says, read from its Markdown, the seed reports' and ours alike: number,
 * window, item count, table of contents (title and source), each article's title, source and link,
 * and the order of its sections. The seed reports are conversions of the published PDFs, with the
 * artefacts of that (spaces inside words and dates, "(第六三零)" for "(第六三〇期)", headings as list items
 * or plain lines, a link cut short), so text is compared without whitespace and markup is read
 * loosely; ours must say the same.
 */
record ReportOutline(
    String number,
    LocalDate windowStart,
    LocalDate windowEnd,
    int count,
    List<String> contents,
    List<String> titles,
    List<String> sources,
    List<String> links,
    List<String> sections) {

  private static final Pattern NUMBER = Pattern.compile("\\(第([一二三四五六七八九〇零十]+)期?\\)");
  private static final Pattern WINDOW =
      Pattern.compile("时间从(\\d{4})年(\\d{1,2})月(\\d{1,2})日到(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
  private static final Pattern COUNT = Pattern.compile("共收集(\\d+)篇");
  private static final Pattern NUMBERED =
      Pattern.compile("^[#\\-\\s]*(\\d+)\\.\\s*(?:标题\\s*[:：]\\s*)?(.+)$");
  private static final Pattern SOURCE_LINE = Pattern.compile("^[#\\-\\s]*来源\\s*[:：]\\s*(.+)$");
  private static final Pattern LINK =
      Pattern.compile("^<?(https?://[^>]+?)>?\\s*(主要内容\\s*[:：]?)?$");
  private static final Pattern RUN_TOGETHER =
      Pattern.compile("^(.+?)来源\\s*[:：]\\s*(.+?)链接\\s*[:：]?$");
  private static final Pattern PARENTHESIZED = Pattern.compile("^[(（](.+)[)）]$");

  static ReportOutline of(String markdown) {
    String compact = markdown.replaceAll("\\s+", "");
    var contents = new ArrayList<String>();
    var titles = new ArrayList<String>();
    var sources = new ArrayList<String>();
    var links = new ArrayList<String>();
    var sections = new ArrayList<String>();
    String part = "";
    String pendingEntry = null;
    boolean wantSource = false;
    boolean wantLink = false;
    for (String raw : markdown.replace("\r", "").split("\n")) {
      String line = raw.strip();
      String bare = line.replaceFirst("^[#\\-\\s]+", "");
      if (bare.startsWith("本期导语")) {
        sections.add("本期导语");
      } else if (bare.startsWith("一、信息目录")) {
        sections.add("一、信息目录");
        part = "contents";
      } else if (bare.startsWith("二、具体内容")) {
        sections.add("二、具体内容");
        part = "articles";
      } else if (part.equals("contents")) {
        Matcher numbered = NUMBERED.matcher(line);
        Matcher source = PARENTHESIZED.matcher(line);
        if (numbered.matches() && Integer.parseInt(numbered.group(1)) == contents.size() + 1) {
          pendingEntry = squeeze(numbered.group(2));
        } else if (pendingEntry != null && source.matches()) {
          contents.add(pendingEntry + " | " + squeeze(source.group(1)));
          pendingEntry = null;
        }
      } else if (part.equals("articles")) {
        Matcher numbered = NUMBERED.matcher(line);
        Matcher source = SOURCE_LINE.matcher(line);
        Matcher link = LINK.matcher(line);
        if (numbered.matches() && Integer.parseInt(numbered.group(1)) == titles.size() + 1) {
          // The conversion ran one seed's 标题, 来源 and 链接 lines together: read them apart.
          Matcher runTogether = RUN_TOGETHER.matcher(numbered.group(2));
          wantLink = true;
          if (runTogether.matches()) {
            titles.add(squeeze(runTogether.group(1)));
            sources.add(squeeze(runTogether.group(2)));
            sections.addAll(List.of("标题", "来源", "链接"));
            wantSource = false;
          } else {
            titles.add(squeeze(numbered.group(2)));
            sections.add("标题");
            wantSource = true;
          }
        } else if (wantSource && source.matches()) {
          sources.add(squeeze(source.group(1)));
          sections.add("来源");
          wantSource = false;
        } else if (bare.startsWith("链接")) {
          sections.add("链接");
        } else if (wantLink && link.matches()) {
          // "\\_" and a space inside the address are the conversion's, not the link's.
          links.add(link.group(1).replace("\\", "").replaceAll("\\s+", ""));
          wantLink = false;
          if (link.group(2) != null) {
            sections.add("主要内容");
          }
        } else if (bare.startsWith("主要内容")) {
          sections.add("主要内容");
        }
      }
    }
    Matcher number = find(NUMBER, compact);
    Matcher window = find(WINDOW, compact);
    return new ReportOutline(
        number.group(1).replace('零', '〇'),
        date(window, 1),
        date(window, 4),
        Integer.parseInt(find(COUNT, compact).group(1)),
        contents,
        titles,
        sources,
        links,
        sections);
  }

  /**
   * Without whitespace, and with full-width punctuation as half-width (NFKC): the PDFs mix both.
   */
  private static String squeeze(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
        .replaceAll("\\s+", "");
  }

  private static LocalDate date(Matcher m, int group) {
    return LocalDate.of(
        Integer.parseInt(m.group(group)),
        Integer.parseInt(m.group(group + 1)),
        Integer.parseInt(m.group(group + 2)));
  }

  private static Matcher find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException("report has no " + pattern);
    }
    return m;
  }
}
