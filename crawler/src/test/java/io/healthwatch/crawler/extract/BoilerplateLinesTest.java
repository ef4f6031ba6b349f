package io.healthwatch.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateLinesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Advertisement",
        "Share this article",
        "12 Comments",
        "Image 3 of 5",
        "Back to Gallery",
        "You may also like...",
        "Most read in World News",
        "[打印]",
        "【关闭窗口】",
        "分享到：",
        "上一篇",
        "（责任编辑：魏喆）",
        "来源：新闻晨报",
        "第1页/共1页<<上一页|下一页>>",
        "(Image credit: Blue Origin)",
        "WeWork chairman Marcelo Claure (Credit: Getty Images)",
        "Al Goldis, Associated Press",
        "© Amazon",
        "November 20, 2019",
        "Nov. 20, 2019 5:52 AM EST",
        "Updated on: November 19, 2019 / 10:07 AM",
        "2024-05-14 10:23",
        "发布时间：2024年5月14日 10:23"
      })
  void furniture(String line) {
    assertTrue(BoilerplateLines.isBoilerplate(line), line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "An Alibaba spokesperson declined to comment on the pricing to Reuters.",
        "More than 300 hospitals joined the pilot.",
        "Share prices rose 3% on Monday.",
        "5月14日，国家医保局召开新闻发布会。",
        "2024年5月14日，国家医保局召开新闻发布会。",
        "Main image credit is disputed by the photographer's agency in court",
        "Eat 60–90 minutes before your workout"
      })
  void prose(String line) {
    assertFalse(BoilerplateLines.isBoilerplate(line), line);
  }

  @Test
  void longLinesAreNeverJudgedByTheirWords() {
    String longLine = "Advertisement ".repeat(10);
    assertFalse(BoilerplateLines.isBoilerplate(longLine));
  }

  @Test
  void repeatedParagraphsAndTheTitleAreCutOnceButShortRepeatsStay() {
    String caption =
        "In this Sunday photograph, a long row of unsold cars sits at a dealership lot. ";
    var kept =
        ArticleExtractor.withoutRepeats(
            List.of(
                "标题",
                caption.repeat(2),
                "Question?",
                "Answer one.",
                caption.repeat(2),
                "Question?"),
            "标题");
    assertEquals(List.of(caption.repeat(2), "Question?", "Answer one.", "Question?"), kept);
  }
}
