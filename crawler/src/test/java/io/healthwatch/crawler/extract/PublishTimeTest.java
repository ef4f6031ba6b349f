package io.healthwatch.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PublishTimeTest {
  private static final OffsetDateTime LISTED = OffsetDateTime.parse("2024-05-14T02:23Z");

  @Test
  void aDateOnlyFoundInTheTextGivesWayToTheFeed() {
    var quoted = OffsetDateTime.parse("2019-03-01T00:00+08:00");
    assertEquals(LISTED, PublishTime.choose(quoted, DateEvidence.TEXT, LISTED));
  }

  @Test
  void metadataAndDatelineWinOverTheFeed() {
    var page = OffsetDateTime.parse("2024-05-13T09:00+08:00");
    assertEquals(page, PublishTime.choose(page, DateEvidence.METADATA, LISTED));
    assertEquals(page, PublishTime.choose(page, DateEvidence.HEADER, LISTED));
  }

  @Test
  void aPageGivingOnlyTheDayTakesTheFeedsTimeOnThatDay() {
    // 02:23 UTC is 10:23 in Beijing, on the page's day.
    var day = OffsetDateTime.parse("2024-05-14T00:00+08:00");
    assertEquals(LISTED, PublishTime.choose(day, DateEvidence.HEADER, LISTED));
    var dayBefore = OffsetDateTime.parse("2024-05-13T00:00+08:00");
    assertEquals(dayBefore, PublishTime.choose(dayBefore, DateEvidence.HEADER, LISTED));
  }

  @Test
  void eitherAloneIsTaken() {
    var page = OffsetDateTime.parse("2019-03-01T00:00+08:00");
    assertEquals(page, PublishTime.choose(page, DateEvidence.TEXT, null));
    assertEquals(LISTED, PublishTime.choose(null, null, LISTED));
    assertNull(PublishTime.choose(null, null, null));
  }
}
