package io.healthwatch.enricher.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordListTest {
  private static final int NOUN = WordList.classOf("n");
  private static final int PLACE = WordList.classOf("ns");

  @Test
  void theLongestWordBeginningEndingAndAroundEachCharacter() {
    var words = new WordList(Map.of("北京", PLACE, "北京大学", WordList.classOf("nt"), "大学", NOUN));
    int[] text = "在北京大学读书".codePoints().toArray();
    int[] begins = new int[text.length];
    int[] ends = new int[text.length];
    int[] inside = new int[text.length];
    words.match(text, begins, ends, inside);
    int org = WordList.classOf("nt");
    // 北 begins 北京 and 北京大学: the longer counts; 学 ends 大学 and 北京大学.
    assertArrayEquals(new int[] {0, org * 8 + 4, 0, NOUN * 8 + 2, 0, 0, 0}, begins);
    assertArrayEquals(new int[] {0, 0, PLACE * 8 + 2, 0, org * 8 + 4, 0, 0}, ends);
    assertArrayEquals(new int[] {0, 0, org * 8 + 4, org * 8 + 4, 0, 0, 0}, inside);
  }

  @Test
  void aPrefixAloneIsNoWordAndOneCharacterWordsAreLeftOut() {
    var words = new WordList(Map.of("医疗保障", NOUN, "医", NOUN));
    int[] text = "医疗".codePoints().toArray();
    int[] begins = new int[2];
    words.match(text, begins, new int[2], new int[2]);
    assertArrayEquals(new int[] {0, 0}, begins);
  }

  @Test
  void partsOfSpeechFoldIntoCoarseClasses() {
    assertEquals("person", WordList.CLASSES.get(WordList.classOf("nrf")));
    assertEquals("place", WordList.CLASSES.get(WordList.classOf("nsf")));
    assertEquals("organisation", WordList.CLASSES.get(WordList.classOf("nt")));
    assertEquals("noun", WordList.CLASSES.get(WordList.classOf("ng")));
    assertEquals("verb", WordList.CLASSES.get(WordList.classOf("vn")));
    assertEquals("other", WordList.CLASSES.get(WordList.classOf("m")));
  }

  @Test
  void readsTheExportedListAndRefusesAMalformedLine(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("words.tsv.gz");
    write(good, "医院\tn\t120\n北京\tns\n");
    var read = WordList.read(good);
    assertEquals(2, read.size());
    assertEquals(
        List.of(
            Map.entry("北京", new WordList.Word(PLACE, 1)),
            Map.entry("医院", new WordList.Word(NOUN, 120))),
        read.entries(),
        "the frequency column is optional");
    for (String malformed : List.of("医院\tn\n北京\n", "医院\tn\n北京\tns\tmany\n")) {
      Path bad = dir.resolve("bad.tsv.gz");
      write(bad, malformed);
      var error =
          org.junit.jupiter.api.Assertions.assertThrows(
              IOException.class, () -> WordList.read(bad));
      assertEquals(
          bad + " line 2: expected word TAB part of speech [TAB frequency]", error.getMessage());
    }
  }

  @Test
  void theModelCarriesItsDictionary() throws IOException {
    var words =
        new WordList(
            List.of(
                Map.entry("医院", new WordList.Word(NOUN, 50)),
                Map.entry("北京", new WordList.Word(PLACE, 7)),
                Map.entry("京医", new WordList.Word(NOUN, 1))));
    var sentence = new NerTrainer.Example("北京医院".codePoints().toArray(), new int[4]);
    NerModel model =
        new NerTrainer(List.of("PERSON"), 10, words).train(List.of(sentence), 1, 1L, null);
    var bytes = new ByteArrayOutputStream();
    model.write(bytes);
    NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    // 北京|医院, not 北|京医|院: the frequencies came along.
    assertArrayEquals(
        new boolean[] {true, false, true, false, true},
        read.wordBoundaries("北京医院".codePoints().toArray()));
    var again = new ByteArrayOutputStream();
    read.write(again);
    assertArrayEquals(bytes.toByteArray(), again.toByteArray());
  }

  private static void write(Path file, String text) throws IOException {
    try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void theMostProbableSegmentationTellsAWordFromTheSameCharactersInsideAnother() {
    var words =
        new WordList(
            List.of(
                Map.entry("系统", new WordList.Word(NOUN, 500)),
                Map.entry("系统性", new WordList.Word(WordList.classOf("a"), 20)),
                Map.entry("红斑狼疮", new WordList.Word(NOUN, 5)),
                Map.entry("卫生", new WordList.Word(NOUN, 300)),
                Map.entry("卫生间", new WordList.Word(NOUN, 30)),
                Map.entry("间", new WordList.Word(NOUN, 10)),
                Map.entry("升级", new WordList.Word(WordList.classOf("v"), 100))));
    // 系统性|红斑狼疮: no boundary after 系统.
    assertArrayEquals(
        new boolean[] {true, false, false, true, false, false, false, true},
        words.boundaries("系统性红斑狼疮".codePoints().toArray()));
    // 卫生间 as one word beats 卫生|间, though 卫生 alone is ten times as common: one cost against two.
    assertArrayEquals(
        new boolean[] {true, false, false, true}, words.boundaries("卫生间".codePoints().toArray()));
    // 系统|升级; a character of no word stands alone (X).
    assertArrayEquals(
        new boolean[] {true, false, true, false, true, true},
        words.boundaries("系统升级X".codePoints().toArray()));
    assertArrayEquals(new boolean[] {true}, words.boundaries(new int[0]));
  }
}
