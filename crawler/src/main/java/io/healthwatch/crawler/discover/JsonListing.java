package io.healthwatch.crawler.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.feed.FeedItem;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items of a JSON or JSONP endpoint, the kind many Chinese news sites fill their list pages
 * from by script (the static HTML has few links or none). Paths are dotted field names; an array on
 * the way is walked element by element. A dotted path is all such endpoints need, so there is no
 * JSONPath dependency.
 */
final class JsonListing {
  /** {@code callback( ... );} around the JSON, with an optional {@code /**\/} guard. */
  private static final Pattern JSONP =
      Pattern.compile("(?s)^\\s*(?:/\\*\\*/\\s*)?[\\w$.]+\\s*\\((.*)\\)\\s*;?\\s*$");

  private JsonListing() {}

  static List<FeedItem> read(String text, String baseUrl, Source.JsonLinks paths, DateParser dates)
      throws IOException {
    Matcher jsonp = JSONP.matcher(text);
    String json = jsonp.matches() ? jsonp.group(1) : text;
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("not readable JSON: " + e.getOriginalMessage(), e);
    }
    var items = new ArrayList<JsonNode>();
    walk(root, split(paths.items()), 0, items);
    if (items.isEmpty()) {
      throw new IOException("no items at '" + paths.items() + "' in the JSON");
    }
    var out = new ArrayList<FeedItem>();
    for (JsonNode item : items) {
      String link = text(item, paths.url());
      if (link == null) {
        continue;
      }
      String title = text(item, paths.title());
      String date = text(item, paths.date());
      out.add(
          new FeedItem(
              UrlCanonicalizer.resolve(baseUrl, link).orElse(null), title, date(date, dates)));
    }
    return out;
  }

  /** A date as text, or as epoch seconds or milliseconds, which JSON APIs often give. */
  private static java.time.OffsetDateTime date(String value, DateParser dates) {
    if (value == null) {
      return null;
    }
    if (value.matches("\\d{10}|\\d{13}")) {
      long number = Long.parseLong(value);
      var instant =
          value.length() == 10
              ? java.time.Instant.ofEpochSecond(number)
              : java.time.Instant.ofEpochMilli(number);
      return java.time.OffsetDateTime.ofInstant(instant, dates.zone());
    }
    return dates.parseValue(value).orElse(null);
  }

  private static void walk(JsonNode node, String[] path, int at, List<JsonNode> found) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(element -> walk(element, path, at, found));
      return;
    }
    if (at == path.length) {
      found.add(node);
      return;
    }
    walk(node.get(path[at]), path, at + 1, found);
  }

  private static String text(JsonNode item, String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    JsonNode node = item;
    for (String field : split(path)) {
      node = node == null ? null : node.get(field);
    }
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String text = node.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static String[] split(String path) {
    return path == null || path.isBlank() ? new String[0] : path.strip().split("\\.");
  }
}
