package io.healthwatch.enricher.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTaggerTest {
  private static final ArticleTagger TAGGER = new ArticleTagger(Lexicon.load(null));

  private static List<String> typed(List<Entity> entities) {
    return entities.stream().map(e -> e.type() + ":" + e.text()).toList();
  }

  @Test
  void lexiconPatternsAndRecognizerTogether() {
    String text = "记者从云南省卫生健康委获悉，昆明医科大学第一附属医院院长李建华表示，将推进《健康中国2030规划纲要》落实。";
    var entities = TAGGER.tag("", text).entities();
    var found = typed(entities);
    // Lexicon: the alias resolves to the canonical name.
    var commission = entities.get(found.indexOf("GOVERNMENT:云南省卫生健康委"));
    assertEquals("云南省卫生健康委员会", commission.normalized());
    // The recognizer's organisation is kept whole, the lexicon's place 昆明 inside it does not split
    // it.
    assertTrue(found.stream().anyMatch(f -> f.contains(":昆明医科大学")), found.toString());
    assertFalse(found.contains("PLACE:昆明"), found.toString());
    assertTrue(found.contains("PERSON:李建华"), found.toString());
    assertTrue(found.contains("POLICY:健康中国2030规划纲要"), found.toString());
  }

  @Test
  void kindsOfInstitutionAreNotNames() {
    var found = typed(TAGGER.tag("", "多地上线互联网医院，三甲医院和社区卫生服务中心同步接入。").entities());
    assertFalse(found.stream().anyMatch(f -> f.endsWith("互联网医院")), found.toString());
    assertFalse(found.stream().anyMatch(f -> f.endsWith("三甲医院")), found.toString());
  }

  @Test
  void offsetsAreCodePointsOfTheWholeInputAcrossLines() {
    // 𠮷 is outside the BMP: two UTF-16 units, one code point.
    String text = "𠮷第一行。\n第二行提到国家医保局。";
    var entity =
        TAGGER.tag("", text).entities().stream()
            .filter(e -> e.text().equals("国家医保局"))
            .findFirst()
            .orElseThrow();
    int[] codePoints = text.codePoints().toArray();
    assertEquals("国家医保局", new String(codePoints, entity.start(), entity.end() - entity.start()));
    assertEquals("国家医疗保障局", entity.normalized());
  }

  @Test
  void aSportsStoryIsNotHealthIt() {
    var tags = TAGGER.tag("CBA总决赛第五场", "辽宁队在主场以98比90战胜新疆队，夺得本赛季总冠军。");
    assertTrue(tags.relevance() < 0.2, "relevance " + tags.relevance());
    assertTrue(tags.topics().isEmpty(), tags.topics().toString());
  }

  @Test
  void latinKeywordsCountOnlyAsWholeWords() {
    assertFalse(ArticleTagger.wholeLatinWord("in Taiwan", 4, 6), "AI inside Taiwan");
    assertFalse(ArticleTagger.wholeLatinWord("this", 1, 4), "HIS inside this");
    assertTrue(ArticleTagger.wholeLatinWord("医院上线AI导诊", 4, 6));
    assertTrue(ArticleTagger.wholeLatinWord("AI", 0, 2));
    assertTrue(ArticleTagger.wholeLatinWord("5G+AI", 3, 5));
    var english = TAGGER.tag("Kim Jong-kook", "He said this in English in Taiwan, his main list.");
    assertTrue(english.relevance() < 0.01, "relevance " + english.relevance());
  }

  @Test
  void aKeywordInsideANameIsNoEvidence() {
    // 云 (the cloud) is a technology word; in 云南 it is part of a province's name.
    assertEquals(0.0, TAGGER.tag("", "云南省医院患者就医").relevance());
    assertTrue(TAGGER.tag("", "医院患者就医数据上云").relevance() > 0);
  }

  @Test
  void aKeywordCountsOnlyAsWholeWordsOfTheSegmentation() {
    // 系统 (a system) inside 系统性红斑狼疮 (lupus) or 平台 inside no word: the same characters.
    assertEquals(0.0, TAGGER.tag("", "系统性红斑狼疮患者应在医生指导下治疗。").relevance());
    assertTrue(TAGGER.tag("", "医院信息系统升级后患者就医更方便。").relevance() > 0);
  }

  @Test
  void evidenceCountsWhereOneSentenceSpeaksOfBoth() {
    String apart = "医院新院区开工，患者就医更方便。市场上一款手机应用上线，数据同步到云端。";
    String together = "医院新院区开工，患者就医更方便，手机应用上线，数据同步到云端。";
    assertEquals(0.0, TAGGER.tag("", apart).relevance(), "health and technology far apart");
    assertTrue(TAGGER.tag("", together).relevance() > 0.5);
  }

  @Test
  void aHealthItTermIsEvidenceOfBothAndANeutralWordOfNeither() {
    // 健康码 holds health and technology in one word.
    assertTrue(TAGGER.tag("健康码", "").relevance() > 0);
    // 宠物医院 is no hospital of ours, whatever its app does.
    assertEquals(0.0, TAGGER.tag("宠物医院推出线上预约", "").relevance());
    assertTrue(TAGGER.tag("儿童医院推出线上预约", "").relevance() > 0);
  }
}
