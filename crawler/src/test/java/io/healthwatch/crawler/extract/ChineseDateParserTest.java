package io.healthwatch.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseDateParserTest {
  private final ChineseDateParser parser = new ChineseDateParser(ZoneId.of("Asia/Shanghai"));

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
}
