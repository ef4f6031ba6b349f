package io.healthwatch.enricher.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StoryTest {
  private static final String STORY =
      "国家医保局近日发布通知，要求各地加快推进医保电子凭证在定点医疗机构的全流程应用。\n"
          + "通知明确，到今年底，二级以上公立医院全部支持医保电子凭证就医结算。\n"
          + "参保群众使用手机即可完成挂号、缴费和报销，不再需要携带实体卡。";

  @Test
  void aTruncatedCopyInsideOtherFurnitureIsWhollyContainedInItsOriginal() {
    String copy = "首页 > 新闻 > 正文\n" + "国家医保局近日发布通知，要求各地加快推进医保电子凭证在定点医疗机构的全流程应用。\n" + "（责任编辑：王芳）";
    Story original = Story.of(STORY);
    Story truncated = Story.of(copy);
    // The navigation and the editor's line are shorter than a sentence: no shingles of theirs.
    assertEquals(1.0, truncated.containment(original), 1e-9);
    assertTrue(truncated.size() < original.size());
  }

  @Test
  void traditionalScriptFoldsOntoSimplified() {
    String traditional =
        "國家醫保局近日發佈通知，要求各地加快推進醫保電子憑證在定點醫療機構的全流程應用。\n"
            + "通知明確，到今年底，二級以上公立醫院全部支持醫保電子憑證就醫結算。\n"
            + "參保群眾使用手機即可完成掛號、繳費和報銷，不再需要攜帶實體卡。";
    assertTrue(Story.of(traditional).containment(Story.of(STORY)) > 0.95);
    assertEquals('医', ScriptFolding.fold('醫'));
    assertEquals('A', ScriptFolding.fold('A'));
  }

  @Test
  void oneAnchorPerSentenceAndShortLinesLeftOut() {
    Story story = Story.of(STORY + "\n来源：人民网\n2024-05-17");
    assertEquals(3, story.anchors().length, Arrays.toString(story.anchors()));
    // Punctuation, spacing and case do not matter; the sentence ends do.
    assertArrayEquals(
        Story.of("AI辅助诊断系统已在全市推广。").shingles(), Story.of("ai 辅助诊断系统，已在全市推广！").shingles());
  }

  @Test
  void sentencesWhoseAnchorIsRefusedAreNoPartOfTheStory() {
    String template = "现将有关事项通知如下，请各地认真贯彻执行。\n";
    Story whole = Story.of(template + STORY);
    long templateAnchor = Story.of(template).anchors()[0];
    Story withoutTemplate = Story.of(template + STORY, anchor -> anchor != templateAnchor);
    assertEquals(Story.of(STORY).size(), withoutTemplate.size());
    assertEquals(whole.anchors().length - 1, withoutTemplate.anchors().length);
  }

  @Test
  void differentStoriesShareLittle() {
    Story other = Story.of("市第一人民医院新院区今日开工建设，规划床位一千五百张，预计三年后投入使用。\n院方表示，新院区将重点发展心血管和肿瘤专科。");
    assertTrue(other.containment(Story.of(STORY)) < 0.1);
    assertEquals(0.0, Story.of("").containment(Story.of(STORY)));
  }
}
