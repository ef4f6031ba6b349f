package io.healthwatch.benchmarks;

import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.TaggedArticle;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.enricher.EnricherConfig;
import io.healthwatch.enricher.EnricherTopology;
import io.healthwatch.enricher.dedup.SimHash;
import io.healthwatch.enricher.dedup.Story;
import io.healthwatch.enricher.tag.ArticleTagger;
import io.healthwatch.enricher.tag.Lexicon;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The enricher's speed on realistic articles (3-10 KB of Chinese text made of real paragraphs, each
 * article a different mix so dedup sees distinct stories): records/s through the whole topology in
 * TopologyTestDriver on one thread, where the time goes (measured stage by stage on the same
 * articles), and the dedup state per million articles.
 */
final class EnricherBench {
  private static final int ARTICLES = 1500;
  private static final int WARMUP = 300;

  private EnricherBench() {}

  static void run(Map<String, List<GoldPage>> sets, PrintStream out) {
    List<DiscoveredArticle> articles = articles(sets, ARTICLES + WARMUP);
    long bytes =
        articles.stream().mapToLong(a -> a.body().getBytes(StandardCharsets.UTF_8).length).sum();
    out.printf(
        "%d articles, %.1f KB of body text on average%n",
        articles.size(), bytes / 1024.0 / articles.size());

    int configured = EnricherConfig.load(null, Map.of(), Map.of()).tagging().recognizerChars();
    for (String chars : List.of(String.valueOf(configured), "100000000", "0")) {
      var result = throughTopology(articles, chars);
      String label =
          chars.equals("0")
              ? "recognizer off (lexicon and patterns only)"
              : chars.equals("100000000")
                  ? "recognizer over the whole text"
                  : "recognizer over the first " + chars + " characters (the default)";
      out.printf(
          "through the topology (TopologyTestDriver, one thread), %s: %.0f articles/s (%d records"
              + " out)%n",
          label, result[0], (long) result[1]);
    }

    try {
      EnricherBrokerBench.run(
          articles.subList(WARMUP, articles.size()),
          System.getenv().getOrDefault("HEALTHWATCH_KAFKA__BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
          out);
    } catch (Exception e) {
      out.println("through the broker: failed: " + e);
    }

    out.println("where the time goes (per article, same articles, one thread):");
    var tagger = new ArticleTagger(Lexicon.load(null));
    var lexiconOnly = new ArticleTagger(Lexicon.load(null), 0);
    List<DiscoveredArticle> measured = articles.subList(WARMUP, articles.size());
    List<byte[]> payloads =
        measured.stream().map(a -> Topics.DISCOVERED.valueSerde().toBytes(a)).toList();
    double deserialize =
        perArticle(measured, i -> Topics.DISCOVERED.valueSerde().fromBytes(payloads.get(i)));
    double full =
        perArticle(measured, i -> tagger.tag(measured.get(i).title(), measured.get(i).body()));
    double lexicon =
        perArticle(measured, i -> lexiconOnly.tag(measured.get(i).title(), measured.get(i).body()));
    double fingerprint = perArticle(measured, i -> SimHash.of(measured.get(i).body()));
    double story = perArticle(measured, i -> Story.of(measured.get(i).body()));
    var sample = tagger.tag(measured.get(0).title(), measured.get(0).body());
    double serialize =
        perArticle(
            measured,
            i ->
                Topics.TAGGED
                    .valueSerde()
                    .toBytes(
                        new TaggedArticle(
                            TaggedArticle.SCHEMA_VERSION,
                            measured.get(i).id(),
                            1,
                            io.healthwatch.contracts.message.ArticleStatus.PRIMARY,
                            measured.get(i),
                            null,
                            sample.entities(),
                            sample.topics(),
                            sample.relevance(),
                            true,
                            new io.healthwatch.contracts.message.Dedup("h", "s", null, null),
                            List.of())));
    out.printf("  %-44s %8.3f ms%n", "deserialize the discovered article", deserialize);
    out.printf("  %-44s %8.3f ms%n", "name recognition (the trained labeller)", full - lexicon);
    out.printf("  %-44s %8.3f ms%n", "lexicon (Aho-Corasick), 《》 titles, topics", lexicon);
    out.printf("  %-44s %8.3f ms%n", "128-bit SimHash fingerprint (the contract's)", fingerprint);
    out.printf(
        "  %-44s %8.3f ms (each candidate read costs one more)%n",
        "dedup story: sentences, shingles, anchors", story);
    out.printf("  %-44s %8.3f ms%n", "serialize the tagged article", serialize);

    long stored = 0;
    long anchors = 0;
    for (int i = 0; i < 200; i++) {
      var a = measured.get(i);
      anchors += Story.of(a.body()).anchors().length;
      var t = tagger.tag(a.title(), a.body());
      stored +=
          Topics.TAGGED
              .valueSerde()
              .toBytes(
                  new TaggedArticle(
                      TaggedArticle.SCHEMA_VERSION,
                      a.id(),
                      1,
                      io.healthwatch.contracts.message.ArticleStatus.PRIMARY,
                      a,
                      null,
                      t.entities(),
                      t.topics(),
                      t.relevance(),
                      true,
                      new io.healthwatch.contracts.message.Dedup(
                          ArticleIds.sha256Hex(a.body()), SimHash.of(a.body()).toHex(), null, null),
                      List.of()))
              .length;
    }
    // articles-by-id: key (64 hex) + the tagged article; story-anchors: per anchor of a story of
    // its own an entry keyed by 8 hex holding its 64-hex id (boilerplate anchors, shared by many,
    // cost next to nothing per article), before RocksDB's compression and overheads.
    double anchorsPerArticle = anchors / 200.0;
    double perArticle = 64 + stored / 200.0 + anchorsPerArticle * (8 + 64);
    out.printf(
        "dedup state: %.1f KB per article (%.0f anchors), %.1f GB per million articles"
            + " (uncompressed; the retention bounds it)%n",
        perArticle / 1024, anchorsPerArticle, perArticle * 1e6 / 1e9);
  }

  /** Articles/s and records out through the whole topology with the recognizer reading so far. */
  private static double[] throughTopology(
      List<DiscoveredArticle> articles, String recognizerChars) {
    var config =
        EnricherConfig.load(
            null,
            Map.of(),
            Map.of(
                "window.maxAge",
                "P36500D",
                "namespace",
                "",
                "tagging.recognizerChars",
                recognizerChars));
    var props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(
        StreamsConfig.STATE_DIR_CONFIG,
        System.getProperty("java.io.tmpdir") + "/healthwatch-bench-" + System.nanoTime());
    try (var driver =
        new TopologyTestDriver(
            EnricherTopology.build(config), props, Instant.parse("2024-06-01T00:00:00Z"))) {
      var in =
          driver.createInputTopic(
              Topics.DISCOVERED.name(""),
              Serdes.String().serializer(),
              Serdes.ByteArray().serializer());
      var tagged =
          driver.createOutputTopic(
              Topics.TAGGED.name(""),
              Serdes.String().deserializer(),
              Serdes.ByteArray().deserializer());
      var duplicates =
          driver.createOutputTopic(
              Topics.DUPLICATES.name(""),
              Serdes.String().deserializer(),
              Serdes.ByteArray().deserializer());
      List<byte[]> payloads =
          articles.stream().map(a -> Topics.DISCOVERED.valueSerde().toBytes(a)).toList();
      for (int i = 0; i < WARMUP; i++) {
        in.pipeInput(articles.get(i).id(), payloads.get(i));
      }
      tagged.readValuesToList();
      duplicates.readValuesToList();
      long started = System.nanoTime();
      for (int i = WARMUP; i < articles.size(); i++) {
        in.pipeInput(articles.get(i).id(), payloads.get(i));
      }
      long outputs = tagged.readValuesToList().size() + duplicates.readValuesToList().size();
      double rate = (articles.size() - WARMUP) / ((System.nanoTime() - started) / 1e9);
      return new double[] {rate, outputs};
    }
  }

  private interface Step {
    Object apply(int index);
  }

  private static double perArticle(List<DiscoveredArticle> articles, Step step) {
    for (int i = 0; i < Math.min(200, articles.size()); i++) {
      step.apply(i);
    }
    long started = System.nanoTime();
    long sink = 0;
    for (int i = 0; i < articles.size(); i++) {
      sink += step.apply(i) == null ? 0 : 1;
    }
    double ms = (System.nanoTime() - started) / 1e6 / articles.size();
    return sink == -1 ? 0 : ms;
  }

  /**
   * Common characters that stand in for every fifth Han character of an article's paragraphs, so
   * that articles mixed from one pool of real paragraphs are distinct stories to dedup (a story
   * sharing whole paragraphs with another is, rightly, its reprint) while their text stays Chinese
   * of the same make-up for the tagger.
   */
  private static final String STAND_INS =
      "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

  /** Articles made of real paragraphs, 3-10 KB each, every one a different mix. */
  static List<DiscoveredArticle> articles(Map<String, List<GoldPage>> sets, int count) {
    var paragraphs = new ArrayList<String>();
    for (var article : DemoCorpus.load().articles()) {
      paragraphs.addAll(article.paragraphs().stream().filter(p -> p.length() >= 20).toList());
    }
    for (GoldPage page : sets.getOrDefault("zh-handcrafted", List.of())) {
      if (page.body() != null) {
        for (String p : page.body().split("\n")) {
          if (p.strip().length() >= 20) {
            paragraphs.add(p.strip());
          }
        }
      }
    }
    var random = new Random(575L);
    var articles = new ArrayList<DiscoveredArticle>(count);
    OffsetDateTime week = OffsetDateTime.of(2024, 5, 11, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    for (int n = 0; n < count; n++) {
      int target = 3 * 1024 + random.nextInt(7 * 1024);
      var body = new StringBuilder();
      while (body.toString().getBytes(StandardCharsets.UTF_8).length < target) {
        body.append(distinct(paragraphs.get(random.nextInt(paragraphs.size())), random))
            .append("\n\n");
      }
      String url = "https://bench.example/" + n + ".html";
      String title = paragraphs.get(random.nextInt(paragraphs.size()));
      articles.add(
          new DiscoveredArticle(
              DiscoveredArticle.SCHEMA_VERSION,
              ArticleIds.forCanonicalUrl(url),
              url,
              url,
              "bench",
              "基准网",
              title.substring(0, Math.min(30, title.length())),
              week.plusMinutes(n),
              null,
              body.toString().strip(),
              Instant.parse("2024-05-18T00:00:00Z")));
    }
    return articles;
  }

  /** The paragraph with every fifth Han character, from a random start, a random stand-in. */
  private static String distinct(String paragraph, Random random) {
    var out = new StringBuilder(paragraph.length());
    int offset = random.nextInt(5);
    int han = 0;
    for (int i = 0; i < paragraph.length(); i++) {
      char c = paragraph.charAt(i);
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && han++ % 5 == offset) {
        c = STAND_INS.charAt(random.nextInt(STAND_INS.length()));
      }
      out.append(c);
    }
    return out.toString();
  }
}
