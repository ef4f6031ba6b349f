package io.healthwatch.indexer.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.indexer.IndexerConfig.Anchor;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueNumberingTest {
  private static final LocalDate W575 = LocalDate.of(2024, 5, 17);
  private static final LocalDate W576 = LocalDate.of(2024, 5, 24);
  private final IssueNumbering numbering = new IssueNumbering(List.of(new Anchor(W575, 575)));

  @Test
  void anchoredWeekHasItsNumberAndTheNextWeekCountsOn() {
    assertEquals(575, numbering.numberFor(W575, List.of()));
    assertEquals(576, numbering.numberFor(W576, List.of(W575)));
  }

  @Test
  void weeksWithoutAnIssueTakeNoNumber() {
    var later = LocalDate.of(2024, 6, 14);
    assertEquals(
        577,
        numbering.numberFor(later, List.of(W575, W576)),
        "two weeks skipped between 576 and this issue");
  }

  @Test
  void reMaterializingAWeekKeepsItsNumber() {
    assertEquals(576, numbering.numberFor(W576, List.of(W575, W576)));
  }

  @Test
  void aLaterAnchorResetsTheCount() {
    var series =
        new IssueNumbering(
            List.of(new Anchor(W575, 575), new Anchor(LocalDate.of(2025, 6, 27), 630)));
    assertEquals(630, series.numberFor(LocalDate.of(2025, 6, 27), List.of(W575, W576)));
    assertEquals(631, series.numberFor(LocalDate.of(2025, 7, 4), List.of(W575, W576)));
  }

  @Test
  void weekBeforeEveryAnchorIsAClearError() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> numbering.numberFor(LocalDate.of(2024, 5, 10), List.of()));
    assertTrue(error.getMessage().contains("issues.anchors"), error.getMessage());
  }

  @Test
  void numbersAreWrittenDigitByDigit() {
    assertEquals("五七五", ChineseNumerals.digitByDigit(575));
    assertEquals("六三〇", ChineseNumerals.digitByDigit(630));
    assertEquals("一〇〇一", ChineseNumerals.digitByDigit(1001));
  }
}
