package io.healthwatch.enricher.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.enricher.ner.NerModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model through the recognizer: product types, offsets in the line's UTF-16. */
class ModelRecognizerTest {
  private static final ModelRecognizer RECOGNIZER = new ModelRecognizer();

  private static boolean[] boundaries(String text) {
    return NerModels.shipped().wordBoundaries(text.codePoints().toArray());
  }

  @Test
  void findsPeopleGovernmentBodiesAndCompanies() {
    String text = "国家卫生健康委员会副主任李斌在北京调研，阿里巴巴集团参加。";
    List<Span> spans = RECOGNIZER.recognize(text, boundaries(text));
    for (Span span : spans) {
      assertTrue(
          text.substring(span.start(), span.end()).equals(span.normalized()), span.toString());
    }
    assertTrue(has(spans, "PERSON", "李斌"), spans.toString());
    assertTrue(has(spans, "GOVERNMENT", "国家卫生健康委员会"), spans.toString());
    assertTrue(has(spans, "COMPANY", "阿里巴巴集团"), spans.toString());
  }

  @Test
  void organisationsEndingInAHospitalWordAreHospitalsAndKindsAreNoNames() {
    assertEquals("HOSPITAL", ModelRecognizer.productType("ORGANIZATION", "北京协和医院"));
    assertEquals("HOSPITAL", ModelRecognizer.productType("COMPANY", "百瀚和妇女医院"));
    assertNull(ModelRecognizer.productType("SCENE", "护士站"), "scenes are left out");
    assertNull(ModelRecognizer.productType("ORGANIZATION", "中心"), "a bare institution word");
    assertNull(ModelRecognizer.productType("ORGANIZATION", "互联网医院"), "a kind of hospital");
    assertNull(ModelRecognizer.productType("POSITION", "副主任"));
    assertNull(ModelRecognizer.productType("WORK", "健康中国"));
  }

  @Test
  void placesOfTheWordListAreFoundAsWholeWordsBelowTheLabellersNames() {
    String text = "代表团访问伊拉克后抵达北京，参观北京大学。";
    var listed =
        RECOGNIZER.recognize(text, boundaries(text)).stream()
            .filter(s -> s.rank() == Span.LISTED)
            .toList();
    assertTrue(has(listed, "PLACE", "伊拉克"), listed.toString());
    // 北京 alone, not the 北京 of 北京大学 (one word of the segmentation).
    assertEquals(1, listed.stream().filter(s -> s.normalized().equals("北京")).count(), "" + listed);
    var chosen = new ArticleTagger(Lexicon.load(null)).spans(text, boundaries(text));
    assertTrue(chosen.stream().anyMatch(s -> s.normalized().equals("北京大学")), chosen.toString());
  }

  @Test
  void offsetsStayRightAfterASupplementaryCharacter() {
    String text = "𠀀 张伟在协和医院工作";
    for (Span span : RECOGNIZER.recognize(text, boundaries(text))) {
      assertTrue(
          text.substring(span.start(), span.end()).equals(span.normalized()), span.toString());
    }
  }

  private static boolean has(List<Span> spans, String type, String name) {
    return spans.stream().anyMatch(s -> s.type().equals(type) && s.normalized().equals(name));
  }
}
