package io.healthwatch.enricher.tag;

import io.healthwatch.contracts.message.Entity;
import io.healthwatch.contracts.message.TopicScore;
import java.util.ArrayList;
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
 * Tags an article with lexicon entities (Aho-Corasick, longest match), policy and document titles
 * in 《》, and health-IT topics scored from weighted keyword hits; relevance sums the topics.
 */
public final class ArticleTagger {
  private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》\\n]{2,60})》");

  /** Hits of one keyword beyond this add nothing: a word repeated is not more on topic. */
  private static final int MAX_HITS_PER_KEYWORD = 3;

  private static final double TITLE_WEIGHT = 2.0;
  private static final double TOPIC_SCALE = 6.0;
  private static final double RELEVANCE_SCALE = 10.0;

  private record KeywordHit(String topicId, double weight) {}

  private final PayloadTrie<Lexicon.EntityEntry> entityTrie;
  private final PayloadTrie<List<KeywordHit>> keywordTrie;
  private final Map<String, String> topicLabels = new LinkedHashMap<>();

  public ArticleTagger(Lexicon lexicon) {
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
  }

  public Tags tag(String title, String body) {
    var entities = new ArrayList<Entity>();
    entities(title, "title", entities);
    entities(body, "body", entities);
    var raw = new LinkedHashMap<String, Double>();
    score(title, TITLE_WEIGHT, raw);
    score(body, 1.0, raw);
    var topics = new ArrayList<TopicScore>();
    double total = 0;
    for (var entry : raw.entrySet()) {
      total += entry.getValue();
      topics.add(
          new TopicScore(
              entry.getKey(),
              topicLabels.get(entry.getKey()),
              round(1 - Math.exp(-entry.getValue() / TOPIC_SCALE))));
    }
    topics.sort(Comparator.comparingDouble(TopicScore::score).reversed());
    return new Tags(entities, topics, round(1 - Math.exp(-total / RELEVANCE_SCALE)));
  }

  private void entities(String text, String field, List<Entity> out) {
    for (PayloadEmit<Lexicon.EntityEntry> emit : entityTrie.parseText(text)) {
      var entry = emit.getPayload();
      out.add(
          entity(
              text,
              entry.type(),
              emit.getKeyword(),
              entry.name(),
              field,
              emit.getStart(),
              emit.getEnd() + 1));
    }
    Matcher book = BOOK_TITLE.matcher(text);
    while (book.find()) {
      out.add(
          entity(text, "POLICY", book.group(1), book.group(1), field, book.start(1), book.end(1)));
    }
  }

  /** Offsets in code points, as the contract promises (Java strings index UTF-16 units). */
  private static Entity entity(
      String text,
      String type,
      String surface,
      String normalized,
      String field,
      int charStart,
      int charEnd) {
    int start = text.codePointCount(0, charStart);
    int end = start + text.codePointCount(charStart, charEnd);
    return new Entity(type, surface, normalized, field, start, end);
  }

  private void score(String text, double fieldWeight, Map<String, Double> raw) {
    var hits = new HashMap<String, Integer>();
    for (PayloadEmit<List<KeywordHit>> emit : keywordTrie.parseText(text)) {
      int count = hits.merge(emit.getKeyword().toLowerCase(), 1, Integer::sum);
      if (count > MAX_HITS_PER_KEYWORD) {
        continue;
      }
      for (KeywordHit hit : emit.getPayload()) {
        raw.merge(hit.topicId(), hit.weight() * fieldWeight, Double::sum);
      }
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
