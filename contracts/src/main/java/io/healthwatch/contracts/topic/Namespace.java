package io.healthwatch.contracts.topic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The prefix that lets deployments, tests and the demo share one broker and one cluster without
 * seeing each other's topics, consumer groups and indices. The empty namespace is production's: no
 * prefix. The rules for each kind of name live here and nowhere else.
 */
public record Namespace(String value) {
  public static final Namespace NONE = new Namespace("");

  public Namespace {
    value = value == null ? "" : value.strip();
    if (!value.isEmpty() && !value.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "namespace '"
              + value
              + "': letters, digits, '-' and '_' only, not starting with '-' or '_'");
    }
  }

  @JsonCreator
  public static Namespace of(String value) {
    return value == null || value.isBlank() ? NONE : new Namespace(value);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  /**
   * A service config's {@code namespace} key, checked when the config is loaded.
   *
   * @throws io.healthwatch.contracts.config.ConfigException naming the key when it is not a valid
   *     namespace
   */
  public static String configured(String value) {
    try {
      return of(value).value();
    } catch (IllegalArgumentException e) {
      throw io.healthwatch.contracts.config.ConfigException.invalid(
          "namespace", value, "letters, digits, '-' and '_' (not first), or empty");
    }
  }

  public boolean isNone() {
    return value.isEmpty();
  }

  /** A topic's name: {@code <namespace>.<base>}. */
  public String topic(String base) {
    return dotted(base);
  }

  /** A consumer group's or a Streams application's id: {@code <namespace>.<base>}. */
  public String group(String base) {
    return dotted(base);
  }

  /**
   * An index or alias name: {@code <namespace>-<base>}, lower case (OpenSearch names must be, and
   * may not contain a '.' at the start).
   */
  public String index(String base) {
    return isNone() ? base : value.toLowerCase(Locale.ROOT) + "-" + base;
  }

  /** Whether a topic or group name is this namespace's (what a reset of it removes). */
  public boolean ownsTopicOrGroup(String name) {
    return !isNone() && name.startsWith(value + ".");
  }

  @Override
  public String toString() {
    return value;
  }

  private String dotted(String base) {
    return isNone() ? base : value + "." + base;
  }
}
