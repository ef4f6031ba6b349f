package io.healthwatch.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes a reprint of a story the way syndicating sites do: their own dateline and source line on
 * top, an editor's line below, "原标题" notes, a sentence dropped or cut short, a word changed,
 * paragraphs joined or split differently.
 */
final class Reprints {
  /** Standard paragraphs press releases and reprints carry whatever the story. */
  static final List<String> BOILERPLATE =
      List.of(
          "本文转自新华网，版权归原作者所有，如有侵权请联系删除。文章仅代表作者观点，不代表本站立场。",
          "为深入贯彻落实党中央、国务院关于推进健康中国建设的决策部署，进一步提升医疗服务水平，现将有关情况通报如下。",
          "This article was originally published by our partner site and is republished here with"
              + " permission. Views expressed are the author's own.");

  private static final List<String> OUTLETS =
      List.of("云南网", "温州新闻网", "北京青年报", "光明网", "中国新闻网", "人民网", "中国科技网");
  private static final List<String> EDITORS = List.of("王芳", "李强", "张敏", "陈静", "刘洋", "赵磊");

  private Reprints() {}

  static String reprint(String story, Random random) {
    var paragraphs = new ArrayList<>(List.of(story.split("\n")));
    String outlet = OUTLETS.get(random.nextInt(OUTLETS.size()));
    String editor = EDITORS.get(random.nextInt(EDITORS.size()));
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      switch (random.nextInt(4)) {
        case 0 -> dropSentence(paragraphs, random);
        case 1 -> changeWord(paragraphs, random);
        case 2 -> rejoin(paragraphs, random);
        default -> cutShort(paragraphs, random);
      }
    }
    // The story's own first line, before the reprinter's lines go on top.
    String lead = paragraphs.get(0);
    if (random.nextBoolean()) {
      paragraphs.add(0, "来源：" + outlet + "　" + (2020 + random.nextInt(5)) + "年");
    }
    if (random.nextBoolean()) {
      paragraphs.add(0, "原标题：" + lead.substring(0, Math.min(18, lead.length())));
    }
    paragraphs.add("（责任编辑：" + editor + "）");
    if (random.nextBoolean()) {
      paragraphs.add("【" + outlet + "客户端】扫码下载，看更多新闻");
    }
    return String.join("\n", paragraphs);
  }

  private static void dropSentence(List<String> paragraphs, Random random) {
    int p = random.nextInt(paragraphs.size());
    String[] sentences = paragraphs.get(p).split("(?<=[。！？.!?])");
    if (sentences.length < 3) {
      return;
    }
    int drop = random.nextInt(sentences.length);
    var kept = new StringBuilder();
    for (int i = 0; i < sentences.length; i++) {
      if (i != drop) {
        kept.append(sentences[i]);
      }
    }
    paragraphs.set(p, kept.toString());
  }

  private static void changeWord(List<String> paragraphs, Random random) {
    int p = random.nextInt(paragraphs.size());
    String text = paragraphs.get(p);
    if (text.length() < 10) {
      return;
    }
    int at = random.nextInt(text.length() - 2);
    String replacement = random.nextBoolean() ? "近日" : "该";
    paragraphs.set(p, text.substring(0, at) + replacement + text.substring(at + 2));
  }

  private static void rejoin(List<String> paragraphs, Random random) {
    if (paragraphs.size() < 2) {
      return;
    }
    int p = random.nextInt(paragraphs.size() - 1);
    paragraphs.set(p, paragraphs.get(p) + paragraphs.remove(p + 1));
  }

  private static void cutShort(List<String> paragraphs, Random random) {
    if (paragraphs.size() < 4) {
      return;
    }
    // Reprints often stop before the original's last paragraph.
    paragraphs.remove(paragraphs.size() - 1);
  }
}
