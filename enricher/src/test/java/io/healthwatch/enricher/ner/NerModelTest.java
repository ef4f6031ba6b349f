package io.healthwatch.enricher.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerModelTest {
  private static final List<String> TYPES = List.of("PERSON", "ORGANIZATION");

  @Test
  void onlyWellFormedBioesSequencesAreAllowed() {
    int bPer = NerTags.begin(0);
    assertTrue(NerTags.allowed(-1, bPer));
    assertFalse(NerTags.allowed(-1, NerTags.inside(0)));
    assertTrue(NerTags.allowed(bPer, NerTags.end(0)));
    assertFalse(NerTags.allowed(bPer, NerTags.end(1)), "a name ends as the type it began");
    assertFalse(NerTags.allowed(bPer, NerTags.OUTSIDE), "a name that began must end");
    assertTrue(NerTags.allowed(NerTags.single(1), bPer));
    assertFalse(NerTags.mayEnd(NerTags.inside(1)));
  }

  @Test
  void theDenseSumsAtLoadEqualTheSumOfEveryFeaturesWeights() {
    NerModel model = NerModels.shipped();
    int[] text = "支付宝推出医保码，上海 2 家医院支持线上挂号（ABC）".codePoints().toArray();
    int t = model.tagCount();
    int[] buckets = model.features().of(text);
    float[] emission = model.emission(text);
    for (int i = 0; i < text.length; i++) {
      for (int tag = 0; tag < t; tag++) {
        float expected = 0;
        for (int f = 0; f < CharFeatures.PER_CHAR; f++) {
          expected += model.weight(buckets[i * CharFeatures.PER_CHAR + f], tag);
        }
        assertEquals(expected, emission[i * t + tag], 1e-3, "character " + i + ", tag " + tag);
      }
    }
  }

  @Test
  void aClassWindowHoldsTheClassesOfTheFiveCharactersAroundEach() {
    int[] text = "医保a1，".codePoints().toArray();
    var features = new CharFeatures(10, WordList.EMPTY);
    int[] windows = features.encode(text).windows();
    // boundary 0, Han 1, Latin 2, digit 3, punctuation 5
    assertArrayEquals(new int[] {0, 0, 1, 1, 2}, CharFeatures.windowClasses(windows[0]));
    assertArrayEquals(new int[] {1, 2, 3, 5, 0}, CharFeatures.windowClasses(windows[3]));
  }

  @Test
  void tagsAndSpansAreEachOthersInverse() {
    var sentence =
        new NerCorpus.Sentence(
            "张三在协和医院工作".codePoints().toArray(),
            List.of(new NerModel.Entity(0, 2, 0), new NerModel.Entity(3, 7, 1)));
    int[] tags = NerCorpus.tags(sentence);
    assertEquals(sentence.gold(), NerModel.spans(tags));
  }

  @Test
  void aTrainedModelLearnsItsExamplesAndSurvivesARoundTripUnchanged() throws IOException {
    var examples = new ArrayList<NerTrainer.Example>();
    String[] people = {"张伟", "王芳", "李娜", "刘洋", "陈静"};
    String[] places = {"协和医院", "同济医院", "华西医院", "湘雅医院"};
    for (String person : people) {
      for (String place : places) {
        String text = person + "在" + place + "工作";
        var sentence =
            new NerCorpus.Sentence(
                text.codePoints().toArray(),
                List.of(
                    new NerModel.Entity(0, 2, 0), new NerModel.Entity(3, 3 + place.length(), 1)));
        examples.add(new NerTrainer.Example(sentence.text(), NerCorpus.tags(sentence)));
      }
    }
    NerModel model = new NerTrainer(TYPES, 14, WordList.EMPTY).train(examples, 5, 7L, null);
    int[] text = "王芳在华西医院工作".codePoints().toArray();
    assertEquals(
        List.of(new NerModel.Entity(0, 2, 0), new NerModel.Entity(3, 7, 1)), model.entities(text));

    var bytes = new ByteArrayOutputStream();
    model.write(bytes);
    NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(TYPES, read.types());
    for (NerTrainer.Example example : examples) {
      assertArrayEquals(model.label(example.text()), read.label(example.text()));
    }

    var again = new ByteArrayOutputStream();
    new NerTrainer(TYPES, 14, WordList.EMPTY).train(examples, 5, 7L, null).write(again);
    assertArrayEquals(bytes.toByteArray(), again.toByteArray(), "seeded: the same bytes");
  }

  @Test
  void aModelOfAnotherFormatIsRefusedWithWhatToDo() throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
      out.writeInt(0x484e4552);
      out.writeInt(NerModel.FORMAT + 1);
    }
    var error =
        assertThrows(
            IOException.class, () -> NerModel.read(new ByteArrayInputStream(bytes.toByteArray())));
    assertTrue(error.getMessage().contains("scripts/train-ner"), error.getMessage());
  }
}
