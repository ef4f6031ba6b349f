package io.healthwatch.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Python string literals as feedparser's tests write them: u'...', '...', "...", with escapes. */
final class PythonLiterals {
  private PythonLiterals() {}

  /** One literal, or several joined by {@code +}. */
  static String string(String expression) {
    var out = new StringBuilder();
    for (String part : split(expression, "+")) {
      out.append(single(part));
    }
    return out.toString();
  }

  /** The expression cut at each separator that stands outside a string literal. */
  static List<String> split(String expression, String separator) {
    var parts = new ArrayList<String>();
    var current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == '\\' && i + 1 < expression.length()) {
          current.append(expression.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        current.append(c);
      } else if (expression.startsWith(separator, i)) {
        parts.add(current.toString());
        current.setLength(0);
        i += separator.length() - 1;
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static String single(String literal) {
    String s = literal.strip();
    if (s.startsWith("u") || s.startsWith("b")) {
      s = s.substring(1);
    }
    if (s.length() < 2
        || s.charAt(0) != s.charAt(s.length() - 1)
        || s.charAt(0) != '\'' && s.charAt(0) != '"') {
      return s;
    }
    s = s.substring(1, s.length() - 1);
    var out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'U' -> {
          out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16));
          i += 8;
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
