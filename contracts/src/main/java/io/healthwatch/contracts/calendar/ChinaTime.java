package io.healthwatch.contracts.calendar;

import java.time.ZoneId;

/**
 * China's one time zone: what Chinese sites mean by a time written without an offset, and where the
 * reports count their days. Sources and calendars default to it; both can be configured apart.
 */
public final class ChinaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {}
}
