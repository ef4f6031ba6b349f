package io.healthwatch.editorial.web;

import io.healthwatch.editorial.search.ArticleSearch;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reading request values, the same for the pages and the API: a bad one is a 400 with why. */
final class Requests {
  private Requests() {}

  /** A request the server cannot act on, answered 400 with the reason. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest("not a date (YYYY-MM-DD): " + text);
    }
  }

  static LocalDate optionalDate(String text) {
    return text == null || text.isBlank() ? null : date(text.strip());
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** A search with the pages' and the API's filters (q, source, entity, topic, from, to). */
  static ArticleSearch.Request search(Map<String, String> query, int size) {
    return new ArticleSearch.Request(
        query.getOrDefault("q", ""),
        blankToNull(query.get("source")),
        blankToNull(query.get("entity")),
        blankToNull(query.get("topic")),
        optionalDate(query.get("from")),
        optionalDate(query.get("to")),
        size);
  }

  static int integer(String text, int fallback, int min, int max, String name) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below with the range
    }
    throw new BadRequest(name + " takes a whole number from " + min + " to " + max + ": " + text);
  }
}
