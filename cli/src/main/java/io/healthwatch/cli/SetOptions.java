package io.healthwatch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --set key=value} options as the config loader's overrides. */
final class SetOptions {
  private SetOptions() {}

  static Map<String, String> parse(List<String> sets) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--set takes key=value, got '" + set + "'");
      }
      overrides.put(set.substring(0, eq), set.substring(eq + 1));
    }
    return overrides;
  }
}
