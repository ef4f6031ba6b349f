package io.healthwatch.contracts.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a service logs, applied once its config is read ({@code LogSetup}).
 *
 * @param format {@code text} (one line per event, for people) or {@code json} (one JSON object per
 *     line with the MDC and the service's name, for a log pipeline)
 * @param level the root level: error, warn, info, debug or trace
 * @param levels per-logger levels on top, by logger name or package prefix
 */
public record LogSettings(String format, String level, Map<String, String> levels) {
  public static final String TEXT = "text";
  public static final String JSON = "json";
  private static final Set<String> LEVELS =
      Set.of("error", "warn", "info", "debug", "trace", "off");

  public LogSettings {
    format = format == null || format.isBlank() ? TEXT : format.toLowerCase(Locale.ROOT);
    ConfigException.require(
        format.equals(TEXT) || format.equals(JSON), "log.format", format, "text or json");
    level = level == null || level.isBlank() ? "info" : level.toLowerCase(Locale.ROOT);
    requireLevel("log.level", level);
    levels = levels == null ? Map.of() : Map.copyOf(levels);
    levels.forEach((logger, value) -> requireLevel("log.levels." + logger, value));
  }

  /** Text at INFO with the bundled per-logger levels: what runs before a config is read. */
  public static LogSettings defaults() {
    return new LogSettings(TEXT, "info", Map.of());
  }

  public boolean json() {
    return format.equals(JSON);
  }

  private static void requireLevel(String key, String value) {
    ConfigException.require(
        value != null && LEVELS.contains(value.toLowerCase(Locale.ROOT)),
        key,
        value,
        "one of error, warn, info, debug, trace, off");
  }
}
