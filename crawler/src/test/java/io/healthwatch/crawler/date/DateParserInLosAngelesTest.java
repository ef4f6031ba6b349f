package io.healthwatch.crawler.date;

import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every date case again with the JVM's default zone at America/Los_Angeles: no result may move. */
class DateParserInLosAngelesTest extends DateParserTest {
  private static TimeZone original;

  @BeforeAll
  static void defaultZone() {
    original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
  }

  @AfterAll
  static void restore() {
    TimeZone.setDefault(original);
  }
}
