package io.healthwatch.enricher.tag;

import io.healthwatch.contracts.message.Entity;
import io.healthwatch.contracts.message.TopicScore;
import io.healthwatch.enricher.ner.NerModel;
import io.healthwatch.enricher.ner.NerModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Tags an article with entities (lexicon, 《》 titles, names the trained labeller finds), health-IT
 * topics scored from weighted keyword hits, and a relevance that needs evidence of both health care
 * and information technology: a hospital's new wing is health news, an AI chip IT news, neither is
 * health-IT news.
 */
public final class ArticleTagger {
  private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》\\n]{2,60})》");

  /** Hits of one keyword beyond this add nothing: a word repeated is not more on topic. */
  private static final int MAX_HITS_PER_KEYWORD = 3;

  private static final double TITLE_WEIGHT = 2.0;
  private static final double TOPIC_SCALE = 6.0;

  /** Weighted hits at which one side's evidence reaches 1 - 1/e. */
  private static final double SIGNAL_SCALE = 3.0;

  private static final String HEALTH = "health";
  private static final String TECHNOLOGY = "technology";
  private static final int HEALTH_SIDE = 1;
  private static final int TECHNOLOGY_SIDE = 2;

  /** Where a sentence ends, for {@link #evidence}. The title is a sentence of its own. */
  private static final String SENTENCE_ENDS = "。！？!?；;\n";

  private record KeywordHit(String topicId, double weight) {}

  private final PayloadTrie<Lexicon.EntityEntry> entityTrie;
  private final PayloadTrie<List<KeywordHit>> keywordTrie;
  private final PayloadTrie<List<KeywordHit>> signalTrie;
  private final Map<String, String> topicLabels = new LinkedHashMap<>();
  private final ModelRecognizer names;

  /** Its word list segments a text: a keyword counts only as whole words. */
  private final NerModel segmenter = NerModels.shipped();

  private final int recognizerChars;

  /** With the name recognizer over the whole text. */
  public ArticleTagger(Lexicon lexicon) {
    this(lexicon, Integer.MAX_VALUE);
  }

  /**
   * @param recognizerChars how many characters of the title and then the body the name recognizer
   *     (the trained labeller) reads (its cost grows with them); 0 for the lexicon and 《》 titles
   *     alone
   */
  public ArticleTagger(Lexicon lexicon, int recognizerChars) {
    this.names = recognizerChars <= 0 ? null : new ModelRecognizer();
    this.recognizerChars = recognizerChars;
    var entities = PayloadTrie.<Lexicon.EntityEntry>builder().ignoreOverlaps();
    for (var entry : lexicon.entities()) {
      entities.addKeyword(entry.name(), entry);
      entry.aliases().forEach(alias -> entities.addKeyword(alias, entry));
    }
    this.entityTrie = entities.build();
    var byKeyword = new HashMap<String, List<KeywordHit>>();
    for (var topic : lexicon.topics()) {
      topicLabels.put(topic.id(), topic.label());
      topic
          .keywords()
          .forEach(
              (word, weight) ->
                  byKeyword
                      .computeIfAbsent(word, w -> new ArrayList<>())
                      .add(new KeywordHit(topic.id(), weight)));
    }
    var keywords = PayloadTrie.<List<KeywordHit>>builder().ignoreOverlaps().ignoreCase();
    byKeyword.forEach(keywords::addKeyword);
    this.keywordTrie = keywords.build();
    // Apart from the topics' words, so that 互联网医院 (a topic's) still counts 互联网 and 医院.
    var bySignal = new HashMap<String, List<KeywordHit>>();
    var signals = lexicon.signals();
    signals.health().forEach((word, weight) -> addHit(bySignal, word, HEALTH, weight));
    signals.technology().forEach((word, weight) -> addHit(bySignal, word, TECHNOLOGY, weight));
    signals
        .both()
        .forEach(
            (word, weight) -> {
              addHit(bySignal, word, HEALTH, weight);
              addHit(bySignal, word, TECHNOLOGY, weight);
            });
    // Matched, being longer, in place of the signal word they hold, and evidence of nothing.
    signals.neutral().forEach(word -> bySignal.putIfAbsent(word, new ArrayList<>()));
    var signalWords = PayloadTrie.<List<KeywordHit>>builder().ignoreOverlaps().ignoreCase();
    bySignal.forEach(signalWords::addKeyword);
    this.signalTrie = signalWords.build();
  }

  private static void addHit(
      Map<String, List<KeywordHit>> hits, String word, String side, double weight) {
    hits.computeIfAbsent(word, w -> new ArrayList<>()).add(new KeywordHit(side, weight));
  }

  public Tags tag(String title, String body) {
    var titleWords = new Words(title);
    var bodyWords = new Words(body);
    var entities = new ArrayList<Entity>();
    int budget = entities(titleWords, "title", recognizerChars, entities);
    entities(bodyWords, "body", budget, entities);
    var raw = new LinkedHashMap<String, Double>();
    score(keywordTrie, titleWords, TITLE_WEIGHT, raw);
    score(keywordTrie, bodyWords, 1.0, raw);
    var evidence = new HashMap<String, Double>();
    evidence(titleWords, TITLE_WEIGHT, evidence);
    evidence(bodyWords, 1.0, evidence);
    var topics = new ArrayList<TopicScore>();
    for (var entry : raw.entrySet()) {
      topics.add(
          new TopicScore(
              entry.getKey(),
              topicLabels.get(entry.getKey()),
              round(1 - Math.exp(-entry.getValue() / TOPIC_SCALE))));
    }
    topics.sort(Comparator.comparingDouble(TopicScore::score).reversed());
    double health = 1 - Math.exp(-evidence.getOrDefault(HEALTH, 0.0) / SIGNAL_SCALE);
    double technology = 1 - Math.exp(-evidence.getOrDefault(TECHNOLOGY, 0.0) / SIGNAL_SCALE);
    return new Tags(entities, topics, round(health * technology));
  }

  /**
   * Line by line: names do not cross lines, the recognizer's cost stays bounded on a long input,
   * and offsets are counted once. Offsets are in code points, as the contract promises (Java
   * strings index UTF-16 units).
   */
  private int entities(Words words, String field, int recognizerBudget, List<Entity> out) {
    String text = words.text;
    int lineStart = 0;
    int lineStartCodePoint = 0;
    int budget = recognizerBudget;
    while (true) {
      int newline = text.indexOf('\n', lineStart);
      String line = text.substring(lineStart, newline < 0 ? text.length() : newline);
      int lineCodePoints = line.codePointCount(0, line.length());
      // The field's segmentation cut at the line: a line break is a word boundary either way.
      boolean[] lineBoundaries =
          names != null && budget > 0
              ? Arrays.copyOfRange(
                  words.boundaries, lineStartCodePoint, lineStartCodePoint + lineCodePoints + 1)
              : null;
      budget -= line.length();
      for (Span span : spans(line, lineBoundaries)) {
        int start = lineStartCodePoint + line.codePointCount(0, span.start());
        int end = start + line.codePointCount(span.start(), span.end());
        out.add(
            new Entity(
                span.type(),
                line.substring(span.start(), span.end()),
                span.normalized(),
                field,
                start,
                end));
      }
      if (newline < 0) {
        return Math.max(0, budget);
      }
      lineStartCodePoint += lineCodePoints + 1;
      lineStart = newline + 1;
    }
  }

  /**
   * Every entity of a text, overlaps resolved: the lexicon's and 《》 titles over the recognizer's
   * (places of the lexicon stand with the recognizer's), and a longer over a shorter of the same
   * standing.
   *
   * @param boundaries the text's word boundaries for the recognizer, or null not to run it
   */
  List<Span> spans(String text, boolean[] boundaries) {
    var candidates = new ArrayList<Span>();
    for (PayloadEmit<Lexicon.EntityEntry> emit : entityTrie.parseText(text)) {
      var entry = emit.getPayload();
      // A place from the lexicon stands as a recognized name: a longer name around it (北京大学,
      // 北京市海淀区) is the entity, the place only a part of it.
      int rank = entry.type().equals("PLACE") ? Span.RECOGNIZED : Span.LEXICON;
      candidates.add(
          new Span(entry.type(), emit.getStart(), emit.getEnd() + 1, entry.name(), rank));
    }
    Matcher book = BOOK_TITLE.matcher(text);
    while (book.find()) {
      // A title in 《》 is as certain as the lexicon, and longer than any name inside it.
      candidates.add(new Span("POLICY", book.start(1), book.end(1), book.group(1), Span.LEXICON));
    }
    if (names != null && boundaries != null) {
      candidates.addAll(names.recognize(text, boundaries));
    }
    candidates.sort(
        Comparator.comparingInt(Span::rank)
            .thenComparingInt(Span::length)
            .reversed()
            .thenComparingInt(Span::start));
    var chosen = new ArrayList<Span>();
    for (Span candidate : candidates) {
      if (chosen.stream().noneMatch(candidate::overlaps)) {
        chosen.add(candidate);
      }
    }
    chosen.sort(Comparator.comparingInt(Span::start));
    return chosen;
  }

  /**
   * A text with where its words begin and end, by the labeller's word list: computed once per field
   * for both keyword tries.
   */
  private final class Words {
    final String text;
    // Hits are in UTF-16 offsets, the segmentation in code points: the same but beyond the BMP.
    private final boolean bmp;
    private final boolean[] boundaries;

    Words(String text) {
      this.text = text;
      int[] codePoints = text.codePoints().toArray();
      this.bmp = codePoints.length == text.length();
      this.boundaries = segmenter.wordBoundaries(codePoints);
    }

    /**
     * Whether {@code text[start, end)} (UTF-16) is made of whole words: 系统 in 系统性红斑狼疮, 卫生 in 卫生间 or
     * 云 in 云南 is not. Latin letters and digits are judged by {@link #wholeLatinWord} (AI in
     * Taiwan), the segmentation spelling them out one by one.
     */
    boolean wholeWords(int start, int end) {
      if (!wholeLatinWord(text, start, end)) {
        return false;
      }
      int s = bmp ? start : text.codePointCount(0, start);
      int e = bmp ? end : s + text.codePointCount(start, end);
      return (isLatinOrDigit(text, start) || boundaries[s])
          && (isLatinOrDigit(text, end - 1) || boundaries[e]);
    }
  }

  /**
   * A field's evidence of health and of technology: its whole-word signal hits, each counted only
   * in a sentence that holds evidence of the other side too (a term of health IT holds both). A
   * long page that names a hospital in one paragraph and an app in another is not health-IT news;
   * 医院上线移动支付 is.
   */
  private void evidence(Words words, double fieldWeight, Map<String, Double> out) {
    var found = new ArrayList<PayloadEmit<List<KeywordHit>>>();
    for (PayloadEmit<List<KeywordHit>> emit : signalTrie.parseText(words.text)) {
      if (words.wholeWords(emit.getStart(), emit.getEnd() + 1)) {
        found.add(emit);
      }
    }
    found.sort(Comparator.comparingInt(PayloadEmit::getStart));
    int[] sentenceOf = new int[found.size()];
    int sentence = 0;
    int position = 0;
    for (int i = 0; i < found.size(); i++) {
      for (; position < found.get(i).getStart(); position++) {
        if (SENTENCE_ENDS.indexOf(words.text.charAt(position)) >= 0) {
          sentence++;
        }
      }
      sentenceOf[i] = sentence;
    }
    int[] sides = new int[sentence + 1];
    for (int i = 0; i < found.size(); i++) {
      for (KeywordHit hit : found.get(i).getPayload()) {
        sides[sentenceOf[i]] |= side(hit.topicId());
      }
    }
    var counted = new HashMap<String, Integer>();
    for (int i = 0; i < found.size(); i++) {
      if (sides[sentenceOf[i]] != (HEALTH_SIDE | TECHNOLOGY_SIDE)
          || found.get(i).getPayload().isEmpty()
          || counted.merge(found.get(i).getKeyword().toLowerCase(), 1, Integer::sum)
              > MAX_HITS_PER_KEYWORD) {
        continue;
      }
      for (KeywordHit hit : found.get(i).getPayload()) {
        out.merge(hit.topicId(), hit.weight() * fieldWeight, Double::sum);
      }
    }
  }

  private static int side(String signal) {
    return signal.equals(HEALTH) ? HEALTH_SIDE : TECHNOLOGY_SIDE;
  }

  /** A field's weighted topic keyword hits, whole words only. */
  private void score(
      PayloadTrie<List<KeywordHit>> trie,
      Words words,
      double fieldWeight,
      Map<String, Double> raw) {
    var hits = new HashMap<String, Integer>();
    for (PayloadEmit<List<KeywordHit>> emit : trie.parseText(words.text)) {
      if (!words.wholeWords(emit.getStart(), emit.getEnd() + 1)) {
        continue;
      }
      int count = hits.merge(emit.getKeyword().toLowerCase(), 1, Integer::sum);
      if (count > MAX_HITS_PER_KEYWORD) {
        continue;
      }
      for (KeywordHit hit : emit.getPayload()) {
        raw.merge(hit.topicId(), hit.weight() * fieldWeight, Double::sum);
      }
    }
  }

  /**
   * Whether a hit is a word of its own where Latin letters are concerned: AI, HIS or LIS inside
   * "Taiwan", "this" or "English" is no evidence (Chinese words are judged by the segmentation).
   */
  static boolean wholeLatinWord(String text, int start, int end) {
    return !(isLatinOrDigit(text, start) && isLatinOrDigit(text, start - 1))
        && !(isLatinOrDigit(text, end - 1) && isLatinOrDigit(text, end));
  }

  private static boolean isLatinOrDigit(String text, int i) {
    if (i < 0 || i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
