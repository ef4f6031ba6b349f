package io.healthwatch.crawler.date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date forms; run again under other JVM default zones by the subclasses. */
class DateParserTest {
  private final DateParser parser = new DateParser(ZoneId.of("Asia/Shanghai"));

  /** 12:00 in China on 14 May 2024. */
  private static final Instant FETCHED = Instant.parse("2024-05-14T04:00:00Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-05-14 10:23 来源：新华网 | 2024-05-14T10:23+08:00",
        "发布时间：2024年5月14日 10:23 | 2024-05-14T10:23+08:00",
        "2024年5月14日 | 2024-05-14T00:00+08:00",
        "2024/5/14 08:05:09 | 2024-05-14T08:05:09+08:00",
        "2024.05.14 | 2024-05-14T00:00+08:00",
        "时间：2025 年 6 月 21 日 18:02 | 2025-06-21T18:02+08:00",
        "2024-13-45 不是日期，2024-05-17 才是 | 2024-05-17T00:00+08:00",
        "2024年5月14日 下午3:05 | 2024-05-14T15:05+08:00",
        "2024年5月14日 上午12:30 | 2024-05-14T00:30+08:00",
        "发布日期： 9/17/2004 5:54:13 AM | 2004-09-17T05:54:13+08:00",
        "9/17/2004 5:54:13 PM | 2004-09-17T17:54:13+08:00",
        "17/9/2004 | 2004-09-17T00:00+08:00",
        "更新 3/5/2024，首发 2024-03-04 | 2024-03-05T00:00+08:00"
      })
  void pageFormsParseInTheReportsZone(String text, String expected) {
    assertEquals(OffsetDateTime.parse(expected), parser.find(text).orElseThrow());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-05-14T02:23:00Z | 2024-05-14T02:23Z",
        "2024-05-14T10:23:00+08:00 | 2024-05-14T10:23+08:00",
        "2024-05-14 10:23:00 | 2024-05-14T10:23+08:00"
      })
  void metaValuesKeepTheirOwnOffset(String value, String expected) {
    assertEquals(OffsetDateTime.parse(expected), parser.parseValue(value).orElseThrow());
  }

  @ParameterizedTest
  @CsvSource({"'5月16日，签约仪式举行'", "'无日期'", "''", "'编号 1/2/20245'", "'12/31/99'"})
  void textWithoutAFullDateHasNone(String text) {
    assertTrue(parser.find(text).isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-05-14T02:23:00+0000 | 2024-05-14T02:23Z",
        "2024-05-14T02:23:00.123Z | 2024-05-14T02:23:00.123Z",
        "2024-05-14T10:23:00+08 | 2024-05-14T10:23+08:00",
        "2024-05-14 10:23:05 | 2024-05-14T10:23:05+08:00",
        "2024-05-14 | 2024-05-14T00:00+08:00",
        "Tue, 14 May 2024 02:23:05 GMT | 2024-05-14T02:23:05Z",
        "Tue, 14 May 2024 10:23:05 +0800 | 2024-05-14T10:23:05+08:00",
        "Tue, 14 May 2024 10:23:05 CST | 2024-05-14T10:23:05+08:00",
        "14 May 2024 10:23 EDT | 2024-05-14T10:23-04:00",
        "Tuesday, 14 May 24 10:23:05 UT | 2024-05-14T10:23:05Z",
        "14 May 2024 | 2024-05-14T00:00+08:00",
        "二〇二四年五月十四日 | 2024-05-14T00:00+08:00",
        "二〇二四年十二月三十一日 10:05 | 2024-12-31T10:05+08:00"
      })
  void feedAndMetaValuesKeepTheirOffsetAndZoneLessOnesAreChinaTime(String value, String expected) {
    assertEquals(OffsetDateTime.parse(expected), parser.parseValue(value).orElseThrow());
  }

  @Test
  void cstIsChinaTimeOnlyForASourceInChinaTime() {
    var newYork = new DateParser(ZoneId.of("America/New_York"));
    assertEquals(
        OffsetDateTime.parse("2024-05-14T10:23:05-06:00"),
        newYork.parseValue("Tue, 14 May 2024 10:23:05 CST").orElseThrow());
    assertEquals(
        OffsetDateTime.parse("2024-05-14T10:23:05-04:00"),
        newYork.parseValue("2024-05-14 10:23:05").orElseThrow(),
        "zone-less: the source's zone");
  }

  @ParameterizedTest
  @CsvSource({
    "'99 Jun 2009'",
    "'Tue, 14 May 2024 25:00:00 GMT'",
    "'2024-02-30'",
    "'2024-05-14T25:00:00Z'",
    "'31 Jun 2024'",
    "'Tue, 14 Foo 2024 10:00:00 GMT'",
    "'14 May 2024 10:00 XYZ'"
  })
  void impossibleDatesAreRefusedNotRolledOver(String value) {
    assertTrue(parser.parseValue(value).isEmpty(), value + " -> " + parser.parseValue(value));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "发布时间 2024-05-14T02:23:00Z 来源 | 2024-05-14T02:23Z",
        "2024-05-14 10:23:05 -05:00 | 2024-05-14T10:23:05-05:00",
        "2024年5月14日 9:00-11:30 线上直播 | 2024-05-14T09:00+08:00",
        "3小时前 | 2024-05-14T09:00+08:00",
        "刚刚 | 2024-05-14T12:00+08:00",
        "昨天 10:23 | 2024-05-13T10:23+08:00",
        "前天 | 2024-05-12T00:00+08:00",
        "05-14 10:23 | 2024-05-14T10:23+08:00",
        "5月13日 18:40 | 2024-05-13T18:40+08:00",
        "12-31 23:00 | 2023-12-31T23:00+08:00"
      })
  void relativeAndYearLessFormsAreReadAgainstTheFetchTime(String text, String expected) {
    assertEquals(OffsetDateTime.parse(expected), parser.find(text, FETCHED).orElseThrow());
  }

  @Test
  void withoutAFetchTimeRelativeFormsAreNotGuessed() {
    assertTrue(parser.find("3小时前").isEmpty());
    assertTrue(parser.find("05-14 10:23").isEmpty());
    assertTrue(parser.find("5月16日，签约仪式举行", FETCHED).isEmpty(), "a day without a time stays none");
  }
}
