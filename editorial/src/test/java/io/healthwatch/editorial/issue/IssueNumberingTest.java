package io.healthwatch.editorial.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.editorial.EditorialConfig.Anchor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IssueNumberingTest {
  private static final LocalDate W575 = LocalDate.of(2024, 5, 17);
  private static final LocalDate W576 = LocalDate.of(2024, 5, 24);
  private final IssueNumbering numbering = new IssueNumbering(List.of(new Anchor(W575, 575)));

  private static final LocalDate W630 = LocalDate.of(2025, 6, 27);

  @Test
  void anchoredWeekHasItsNumberAndTheNextWeekCountsOn() {
    assertEquals(575, numbering.numberFor(W575, Map.of()));
    assertEquals(576, numbering.numberFor(W576, Map.of(W575, 575)));
  }

  @Test
  void weeksWithoutAnIssueTakeNoNumber() {
    var later = LocalDate.of(2024, 6, 14);
    assertEquals(
        577,
        numbering.numberFor(later, Map.of(W575, 575, W576, 576)),
        "two weeks skipped between 576 and this issue");
  }

  @Test
  void aPublishedNumberNeverChangesWhateverTheConfigurationSaysNow() {
    // The demo published 630 under an anchor this configuration does not have: it stays 630.
    var archive = Map.of(W575, 575, W576, 576, W630, 630);
    assertEquals(630, numbering.numberFor(W630, archive));
    assertEquals(576, numbering.numberFor(W576, archive));
    // And the next week follows the archive's last issue, not the count since 575.
    assertEquals(631, numbering.numberFor(W630.plusWeeks(1), archive));
  }

  @Test
  void aLaterAnchorMakesAJump() {
    var series = new IssueNumbering(List.of(new Anchor(W575, 575), new Anchor(W630, 630)));
    var archive = Map.of(W575, 575, W576, 576);
    assertEquals(630, series.numberFor(W630, archive));
    assertEquals(631, series.numberFor(W630.plusWeeks(1), archive));
    assertEquals(631, series.numberFor(W630.plusWeeks(1), Map.of(W575, 575, W630, 630)));
  }

  @Test
  void aNumberAnotherArchivedWeekHoldsIsRefused() {
    // 576 is taken by the week after: a week between published issues needs an anchor.
    var archive = Map.of(W575, 575, W576.plusWeeks(1), 576);
    var error =
        assertThrows(IllegalArgumentException.class, () -> numbering.numberFor(W576, archive));
    assertTrue(error.getMessage().contains("already the archive's issue"), error.getMessage());
  }

  @Test
  void weekBeforeEveryAnchorIsAClearError() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> numbering.numberFor(LocalDate.of(2024, 5, 10), Map.of()));
    assertTrue(error.getMessage().contains("issues.anchors"), error.getMessage());
  }

  @Test
  void numbersAreWrittenDigitByDigit() {
    assertEquals("五七五", ChineseNumerals.digitByDigit(575));
    assertEquals("六三〇", ChineseNumerals.digitByDigit(630));
    assertEquals("一〇〇一", ChineseNumerals.digitByDigit(1001));
  }
}
