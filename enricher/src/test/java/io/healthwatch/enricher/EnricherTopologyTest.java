package io.healthwatch.enricher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.enricher.dedup.DedupProcessor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnricherTopologyTest {
  private static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> discovered;
  private TestOutputTopic<String, TaggedArticle> tagged;
  private TestOutputTopic<String, TaggedArticle> duplicates;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  private void start(Map<String, String> overrides, Instant wallClock) {
    var config = EnricherConfig.load(null, Map.of(), overrides);
    var props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(EnricherTopology.build(config), props, wallClock);
    discovered =
        driver.createInputTopic(
            Topics.DISCOVERED.name(""),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    tagged =
        driver.createOutputTopic(
            Topics.TAGGED.name(""),
            Serdes.String().deserializer(),
            Topics.TAGGED.valueSerde().deserializer());
    duplicates =
        driver.createOutputTopic(
            Topics.DUPLICATES.name(""),
            Serdes.String().deserializer(),
            Topics.DUPLICATES.valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTER.name(""),
            Serdes.String().deserializer(),
            Topics.DEAD_LETTER.valueSerde().deserializer());
  }

  private void startDemo() {
    start(Map.of("window.maxAge", "P36500D"), NOW);
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private void send(DiscoveredArticle article) {
    discovered.pipeInput(article.id(), Topics.DISCOVERED.valueSerde().toBytes(article));
  }

  @Test
  void seedArticlesAreRelevantAndFallInTheirReportsWeek() {
    startDemo();
    for (String id :
        List.of(
            "yunnan-ai-medical",
            "xinhua-alipay-medical",
            "stdaily-wuhan-union-ai-clinic",
            "gmw-winning-ai-cloud",
            "wz66-data-elements-health",
            "xinhua-jinan-digital-health",
            "chinanews-redhouse-ai-assistant",
            "ynet-test-result-mutual-recognition",
            "chinanews-zhejiang-ai-medicine")) {
      send(DemoArticles.discovered(id));
      TaggedArticle out = tagged.readValue();
      assertTrue(out.relevant(), id + " relevance " + out.relevance() + " topics " + out.topics());
      assertEquals(ArticleStatus.PRIMARY, out.status());
      assertEquals(1, out.revision());
      int issue = DemoArticles.byId(id).issue();
      LocalDate end =
          switch (issue) {
            case 575 -> LocalDate.of(2024, 5, 17);
            case 576 -> LocalDate.of(2024, 5, 24);
            default -> LocalDate.of(2025, 6, 27);
          };
      assertEquals(end, out.window().end(), id);
      assertEquals(end.minusDays(6), out.window().start(), id);
    }
    assertTrue(deadLetters.isEmpty());
  }

  @Test
  void sportsAndFinanceNewsIsNotRelevant() {
    startDemo();
    send(DemoArticles.discovered("chinanews-cba-finals"));
    send(DemoArticles.discovered("xinhua-a-share-market"));
    assertFalse(tagged.readValue().relevant());
    assertFalse(tagged.readValue().relevant());
  }

  @Test
  void entitiesCarryCodePointOffsetsIntoTheirField() {
    startDemo();
    var article = DemoArticles.discovered("stdaily-wuhan-union-ai-clinic");
    send(article);
    TaggedArticle out = tagged.readValue();
    var hospital =
        out.entities().stream()
            .filter(e -> e.field().equals("title") && e.type().equals("HOSPITAL"))
            .findFirst()
            .orElseThrow();
    assertEquals("华中科技大学同济医学院附属协和医院", hospital.normalized());
    int[] cps = article.title().codePoints().toArray();
    assertEquals(
        hospital.text(), new String(cps, hospital.start(), hospital.end() - hospital.start()));
  }

  @Test
  void reprintOfXinhuaStoryIsMarkedDuplicateAndListedOnThePrimary() {
    startDemo();
    var original = DemoArticles.discovered("xinhua-alipay-medical");
    var reprint = DemoArticles.discovered("chinanews-reprint-alipay-medical");
    send(original);
    send(reprint);

    assertEquals(original.id(), tagged.readValue().id());
    TaggedArticle update = tagged.readValue();
    assertEquals(original.id(), update.id());
    assertEquals(2, update.revision(), "an update of the primary, told apart by its revision");
    assertEquals(List.of(reprint.id()), update.reprints());
    TaggedArticle copy = duplicates.readValue();
    assertEquals(reprint.id(), copy.id());
    assertEquals(ArticleStatus.DUPLICATE, copy.status());
    assertEquals(original.id(), copy.dedup().duplicateOf());
    assertTrue(copy.dedup().reason().startsWith("NEAR_DUPLICATE"), copy.dedup().reason());
    assertTrue(tagged.isEmpty());
  }

  @Test
  void earlierOriginalArrivingAfterItsReprintTakesOverAsPrimary() {
    startDemo();
    var original = DemoArticles.discovered("xinhua-alipay-medical");
    var reprint = DemoArticles.discovered("chinanews-reprint-alipay-medical");
    send(reprint);
    send(original);

    assertEquals(reprint.id(), tagged.readValue().id());
    TaggedArticle primary = tagged.readValue();
    assertEquals(original.id(), primary.id());
    assertEquals(List.of(reprint.id()), primary.reprints());
    TaggedArticle demoted = tagged.readValue();
    assertEquals(reprint.id(), demoted.id());
    assertEquals(ArticleStatus.DUPLICATE, demoted.status());
    assertEquals(2, demoted.revision());
    assertEquals(original.id(), duplicates.readValue().dedup().duplicateOf());
  }

  @Test
  void theMoreAuthoritativeSourceIsPrimaryEvenWhenItsCopyIsLater() {
    startDemo();
    var original = DemoArticles.discovered("xinhua-alipay-medical");
    var reprint = DemoArticles.discovered("chinanews-reprint-alipay-medical");
    // A reprint under its own outlet's name claims an earlier time than Xinhua's; Xinhua is
    // listed first in the priority.
    var earlierReprint = DemoArticles.as(reprint, "中国新闻网", original.publishedAt().minusHours(3));
    send(original);
    send(earlierReprint);

    assertEquals(original.id(), tagged.readValue().id());
    assertEquals(List.of(reprint.id()), tagged.readValue().reprints());
    assertEquals(original.id(), duplicates.readValue().dedup().duplicateOf());
  }

  @Test
  void articlesPastTheRetentionAreForgottenByStreamTime() {
    startDemo();
    var original = DemoArticles.discovered("xinhua-alipay-medical");
    Instant fetched = original.fetchedAt();
    var later =
        DemoArticles.fetchedAt(
            DemoArticles.discovered("yunnan-ai-medical"), fetched.plus(Duration.ofDays(31)));
    discovered.pipeInput(original.id(), Topics.DISCOVERED.valueSerde().toBytes(original), fetched);
    KeyValueStore<String, TaggedArticle> store =
        driver.getKeyValueStore(DedupProcessor.ARTICLES_STORE);
    assertNotNull(store.get(original.id()));

    // Stream time moves 31 days past the Xinhua story's fetch: the punctuation forgets it, not the
    // article fetched then.
    discovered.pipeInput(
        later.id(), Topics.DISCOVERED.valueSerde().toBytes(later), later.fetchedAt());

    assertNull(store.get(original.id()));
    assertNotNull(store.get(later.id()));
  }

  @Test
  void theSameTextUnderAnotherAddressIsADuplicateWithItsOwnReason() {
    startDemo();
    var original = DemoArticles.discovered("yunnan-ai-medical");
    String mirror = "https://mirror.example/yunnan-ai-medical.html";
    var copy =
        new DiscoveredArticle(
            original.schemaVersion(),
            io.healthwatch.contracts.message.ArticleIds.forCanonicalUrl(mirror),
            mirror,
            mirror,
            "mirror",
            original.sourceName(),
            original.title(),
            original.publishedAt().plusHours(1),
            null,
            original.body(),
            original.fetchedAt());
    send(original);
    send(copy);

    TaggedArticle duplicate = duplicates.readValue();
    assertEquals(copy.id(), duplicate.id());
    assertEquals("SAME_TEXT", duplicate.dedup().reason());
    assertEquals(original.id(), duplicate.dedup().duplicateOf());
  }

  @Test
  void distinctStoriesOnTheSameTopicAreNotDuplicates() {
    startDemo();
    send(DemoArticles.discovered("chinanews-redhouse-ai-assistant"));
    send(DemoArticles.discovered("chinanews-zhejiang-ai-medicine"));
    send(DemoArticles.discovered("yunnan-ai-medical"));
    assertEquals(3, tagged.readValuesToList().size());
    assertTrue(duplicates.isEmpty());
  }

  /** A site's furniture as syndicating portals write it: lines long enough to count as text. */
  private static final String FURNITURE_TOP = "首页 > 健康频道 > 正文\n欢迎访问健康资讯网，权威发布卫生健康领域最新政策与动态。\n";

  private static final String FURNITURE_BOTTOM =
      "\n本网站所刊载信息，不代表本站观点。如有侵权，请与本网联系删除。\n"
          + "版权所有 健康资讯网 未经书面授权禁止转载、摘编、复制或建立镜像。\n"
          + "扫码关注官方微信公众号，获取更多权威健康资讯和医疗服务信息。";

  @Test
  void aTruncatedCopyInsideAnotherSitesFurnitureIsAReprint() {
    startDemo();
    var original = DemoArticles.discovered("xinhua-alipay-medical");
    String body = original.body();
    String firstThird = body.substring(0, body.length() / 3);
    var copy =
        DemoArticles.copy(
            original,
            "http://news.example/a/1.html",
            FURNITURE_TOP
                + firstThird.substring(0, firstThird.lastIndexOf('。') + 1)
                + FURNITURE_BOTTOM);
    send(original);
    send(copy);
    assertEquals(original.id(), tagged.readValue().id());
    TaggedArticle duplicate = duplicates.readValue();
    assertEquals(copy.id(), duplicate.id());
    assertEquals(original.id(), duplicate.dedup().duplicateOf());
    assertTrue(
        duplicate.dedup().reason().startsWith("NEAR_DUPLICATE containment="), "" + duplicate);
  }

  @Test
  void aCopyInTraditionalScriptIsAReprint() {
    startDemo();
    var original = DemoArticles.discovered("chinanews-zhejiang-ai-medicine");
    var copy =
        DemoArticles.copy(
            original,
            "http://hk.example/a/2.html",
            com.github.houbb.opencc4j.util.ZhConverterUtil.toTraditional(original.body()));
    send(original);
    send(copy);
    assertEquals(original.id(), duplicates.readValue().dedup().duplicateOf());
  }

  @Test
  void aSitesFurnitureIsLearntFromItsPagesAndMakesNoTwoStoriesOne() {
    startDemo();
    for (String id :
        List.of("yunnan-ai-medical", "chinanews-zhejiang-ai-medicine", "gmw-winning-ai-cloud")) {
      var article = DemoArticles.discovered(id);
      send(
          DemoArticles.copy(
              article,
              "http://portal.example/" + id + ".html",
              FURNITURE_TOP + article.body() + FURNITURE_BOTTOM));
    }
    // A short story on the same site: its furniture is most of its text, but three pages already
    // carry it.
    var shortStory = DemoArticles.discovered("stdaily-insurance-platform-april");
    send(
        DemoArticles.copy(
            shortStory,
            "http://portal.example/short.html",
            FURNITURE_TOP + "市中心医院上线自助打印机，患者可自助打印检验报告和影像胶片。" + FURNITURE_BOTTOM));
    assertEquals(4, tagged.readValuesToList().size());
    assertTrue(duplicates.isEmpty());
  }

  private static final String NOTICE =
      "各省、自治区、直辖市及新疆生产建设兵团卫生健康委：\n为贯彻落实党中央、国务院决策部署，进一步做好相关工作，现将有关事项通知如下。\n%s\n"
          + "各地要高度重视，加强组织领导，认真抓好落实，工作中遇到的问题请及时报告。\n特此通知。";

  @Test
  void twoNoticesOfOneTemplateFromOneSourceAreTwoStoriesTheSameFromAnotherSourceAReprint() {
    startDemo();
    var base = DemoArticles.discovered("stdaily-insurance-platform-april");
    var first =
        DemoArticles.copy(
            base, "http://nhc.example/1.html", String.format(NOTICE, "一、开展医疗机构检查检验结果互认工作。"));
    var second =
        DemoArticles.as(
            DemoArticles.copy(
                base, "http://nhc.example/2.html", String.format(NOTICE, "二、推进电子健康档案向个人开放。")),
            first.sourceName(),
            first.publishedAt().plusDays(1));
    send(first);
    send(second);
    assertEquals(2, tagged.readValuesToList().size(), "one source's template is no reprint");
    assertTrue(duplicates.isEmpty());
    // Another site's page holding the first notice is its reprint (a province forwarding it).
    var forwarded =
        DemoArticles.as(
            DemoArticles.copy(base, "http://province.example/1.html", first.body()),
            "某省卫生健康委",
            first.publishedAt().plusDays(2));
    send(forwarded);
    assertEquals(first.id(), duplicates.readValue().dedup().duplicateOf());
  }

  @Test
  void recrawlOfTheSameUrlIsADuplicateNotANewArticle() {
    startDemo();
    var article = DemoArticles.discovered("yunnan-ai-medical");
    send(article);
    send(article);
    assertEquals(1, tagged.readValuesToList().size());
    assertEquals("SAME_URL unchanged", duplicates.readValue().dedup().reason());
  }

  @Test
  void undecodableRecordGoesToDeadLetterWithItsBytesAndCoordinates() {
    startDemo();
    discovered.pipeInput("k1", "{\"id\": 42".getBytes());
    DeadLetter letter = deadLetters.readValue();
    assertEquals(ReasonCode.DESERIALIZATION_FAILED, letter.reason());
    assertEquals("{\"id\": 42", letter.payload());
    assertEquals(Topics.DISCOVERED.name(""), letter.sourceTopic());
    assertEquals(0L, letter.offset());
    assertEquals("enricher", letter.stage());
    assertTrue(tagged.isEmpty());
  }

  @Test
  void articleWithoutPublishTimeIsDeadLettered() {
    startDemo();
    var a = DemoArticles.discovered("yunnan-ai-medical");
    send(DemoArticles.with(a, a.sourceName(), null, a.fetchedAt()));
    assertEquals(ReasonCode.MISSING_PUBLISH_DATE, deadLetters.readValue().reason());
  }

  @Test
  void horizonAndSkewAreJudgedByTheWallClock() {
    start(
        Map.of("window.maxAge", "P30D", "window.futureSkew", "PT6H"),
        Instant.parse("2024-05-20T00:00:00Z"));
    send(DemoArticles.discovered("yunnan-ai-medical")); // 2024-05-14: accepted
    send(DemoArticles.discovered("stdaily-insurance-platform-april")); // 2024-05-09: accepted
    send(DemoArticles.discovered("yunnan-internet-hospital-2023")); // 2023-11-02: too old
    send(DemoArticles.discovered("chinanews-redhouse-ai-assistant")); // 2025-06-21: future
    assertEquals(2, tagged.readValuesToList().size());
    assertEquals(ReasonCode.TOO_OLD, deadLetters.readValue().reason());
    assertEquals(ReasonCode.FUTURE_DATED, deadLetters.readValue().reason());

    // The same old article is accepted once the horizon is judged from a clock a year earlier:
    // nothing but the wall clock moved.
    driver.close();
    start(Map.of("window.maxAge", "P30D"), Instant.parse("2023-11-10T00:00:00Z"));
    send(DemoArticles.discovered("yunnan-internet-hospital-2023"));
    assertEquals(1, tagged.readValuesToList().size());
  }
}
