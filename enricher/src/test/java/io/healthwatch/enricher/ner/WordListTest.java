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
    write(good, "医院\tn\n北京\tns\n");
    assertEquals(2, WordList.read(good).size());
    Path bad = dir.resolve("bad.tsv.gz");
    write(bad, "医院\tn\n北京\n");
    var error =
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> WordList.read(bad));
    assertEquals(bad + " line 2: expected word TAB part of speech", error.getMessage());
  }

  @Test
  void theModelCarriesItsDictionary() throws IOException {
    var words = new WordList(Map.of("医院", NOUN, "北京", PLACE));
    var sentence = new NerTrainer.Example("北京医院".codePoints().toArray(), new int[4]);
    NerModel model =
        new NerTrainer(List.of("PERSON"), 10, words).train(List.of(sentence), 1, 1L, null);
    var bytes = new ByteArrayOutputStream();
    model.write(bytes);
    NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    int[] text = "去北京".codePoints().toArray();
    assertEquals(true, read.isInsideName(text, 1, 2), "北 inside the listed place 北京");
    assertEquals(false, read.isInsideName(text, 0, 1));
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
  void aShorterWordInsideANameIsFoundAndOneInsideANounIsNot() {
    var words = new WordList(Map.of("云南", PLACE, "云端", NOUN));
    int[] text = "在云南和云端".codePoints().toArray();
    assertEquals(true, words.insideName(text, 1, 2));
    assertEquals(false, words.insideName(text, 4, 5));
    assertEquals(false, words.insideName(text, 1, 3), "the name itself");
  }
}
