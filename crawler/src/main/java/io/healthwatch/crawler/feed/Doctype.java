package io.healthwatch.crawler.feed;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a feed's DOCTYPE may do, in one place. The DOCTYPE itself is dropped before parsing (RSS
 * 0.91's Netscape DOCTYPE is standard). In its internal subset, entities whose value is plain text
 * are expanded here, as feedparser does; parameter entities (typically the XHTML character sets,
 * which the HTML-entity repair covers) are ignored and never fetched; an external entity, or one
 * whose value holds markup or references, is refused: those are how XXE and entity-expansion
 * attacks work. Plain values cannot nest, so expansion grows the text linearly, and it is capped.
 */
final class Doctype {
  /** How much longer expansion may make a feed, in characters. */
  static final int MAX_EXPANSION = 1 << 20;

  private static final Pattern DOCTYPE =
      Pattern.compile("(?is)<!DOCTYPE\\s[^\\[>]*(\\[(.*?)\\]\\s*)?>");
  private static final Pattern DECLARATION =
      Pattern.compile(
          "(?is)<!ENTITY\\s+(%\\s+)?([\\w.:-]+)\\s+(?:(SYSTEM|PUBLIC)\\b[^>]*|\"([^\"]*)\"|'([^']*)')\\s*>");
  private static final Pattern REFERENCE = Pattern.compile("&([\\w.:-]+);");
  private static final Pattern ANY_DECLARATION = Pattern.compile("(?i)<!ENTITY");

  private Doctype() {}

  /**
   * @return the text without its DOCTYPE, plain-text entities expanded
   * @throws IOException naming the declaration when the DOCTYPE defines what is refused
   */
  static String strip(String text) throws IOException {
    Matcher doctype = find(text);
    if (doctype == null) {
      return text;
    }
    String body = text.substring(0, doctype.start()) + text.substring(doctype.end());
    String subset = doctype.group(2);
    int declared = subset == null ? 0 : (int) ANY_DECLARATION.matcher(subset).results().count();
    if (declared == 0) {
      return body;
    }
    Map<String, String> entities = new HashMap<>();
    Matcher declaration = DECLARATION.matcher(subset);
    int declarations = 0;
    while (declaration.find()) {
      declarations++;
      if (declaration.group(1) != null) {
        continue; // a parameter entity: only the DTD itself could use it
      }
      String name = declaration.group(2);
      if (declaration.group(3) != null) {
        throw refused("it declares the external entity '" + name + "' (refused: XXE)");
      }
      String value = declaration.group(4) != null ? declaration.group(4) : declaration.group(5);
      if (value.indexOf('&') >= 0 || value.indexOf('%') >= 0 || value.indexOf('<') >= 0) {
        throw refused(
            "the entity '" + name + "' holds markup or references (refused: entity expansion)");
      }
      entities.putIfAbsent(name, value); // XML: the first declaration binds
    }
    if (declarations < declared) {
      throw refused("it has an entity declaration that cannot be read");
    }
    return expand(body, entities);
  }

  /**
   * The first DOCTYPE, as {@code DOCTYPE.matcher(text).find()} would find it, but found by {@code
   * indexOf}: a case-insensitive pattern is tried at every character, and on a 60-item feed that
   * was a fifth of the crawler's CPU (scripts/bench soak).
   */
  private static Matcher find(String text) {
    Matcher doctype = DOCTYPE.matcher(text);
    for (int at = text.indexOf("<!"); at >= 0; at = text.indexOf("<!", at + 2)) {
      if (text.regionMatches(true, at + 2, "DOCTYPE", 0, 7)
          && doctype.region(at, text.length()).lookingAt()) {
        return doctype;
      }
    }
    return null;
  }

  private static String expand(String body, Map<String, String> entities) throws IOException {
    if (entities.isEmpty()) {
      return body;
    }
    var out = new StringBuilder(body.length());
    Matcher reference = REFERENCE.matcher(body);
    int last = 0;
    while (reference.find()) {
      String value = entities.get(reference.group(1));
      if (value == null) {
        continue; // a predefined or HTML entity: the parser's or the repair's
      }
      out.append(body, last, reference.start()).append(value);
      last = reference.end();
      if (out.length() - last > MAX_EXPANSION) {
        throw refused("its entities expand by more than " + MAX_EXPANSION + " characters");
      }
    }
    return out.append(body, last, body.length()).toString();
  }

  private static IOException refused(String why) {
    return new IOException("not a readable feed: " + why);
  }
}
