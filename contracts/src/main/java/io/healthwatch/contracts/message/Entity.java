package io.healthwatch.contracts.message;

/**
 * A named thing found in an article's text.
 *
 * @param start offset in Unicode code points of the text it was found in
 * @param end exclusive end offset in code points
 * @param field which text: {@code title} or {@code body}
 */
public record Entity(
    String type, String text, String normalized, String field, int start, int end) {}
