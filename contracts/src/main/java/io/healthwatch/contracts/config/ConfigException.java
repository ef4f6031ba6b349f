package io.healthwatch.contracts.config;

/** A configuration value that cannot be used; the message names the key, the value and the rule. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  public static ConfigException invalid(String key, Object value, String expected) {
    return new ConfigException(
        "config key '" + key + "' has value '" + value + "': expected " + expected);
  }

  /** Fails with {@link #invalid} unless the condition holds; for compact constructors. */
  public static void require(boolean condition, String key, Object value, String expected) {
    if (!condition) {
      throw invalid(key, value, expected);
    }
  }
}
