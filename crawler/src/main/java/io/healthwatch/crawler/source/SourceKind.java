package io.healthwatch.crawler.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a source lists its articles. */
public enum SourceKind {
  RSS,
  ATOM,
  HTML_LIST,
  SITEMAP,
  /** A JSON or JSONP endpoint behind a list page that fills its links by script. */
  JSON;

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @JsonCreator
  public static SourceKind fromYaml(String value) {
    for (SourceKind kind : values()) {
      if (kind.yamlName().equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown kind '" + value + "', expected one of " + names());
  }

  /** The names a registry may use, for errors. */
  public static String names() {
    return Arrays.stream(values()).map(SourceKind::yamlName).collect(Collectors.joining(", "));
  }

  public boolean isFeed() {
    return this == RSS || this == ATOM;
  }
}
