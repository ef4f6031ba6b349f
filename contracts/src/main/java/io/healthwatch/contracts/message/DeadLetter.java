package io.healthwatch.contracts.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A record a stage could not process, with enough to find, understand and replay it.
 *
 * @param stage {@code crawler}, {@code enricher} or {@code indexer}
 * @param payload the original record value (UTF-8 text; binary values base64 with a {@code base64:}
 *     prefix), or the URL for a page that could not be fetched
 * @param sourceTopic topic the record was read from, null for the crawler
 * @param url the article or feed URL concerned, when known
 */
public record DeadLetter(
    int schemaVersion,
    String stage,
    ReasonCode reason,
    String message,
    String payload,
    String sourceTopic,
    Integer partition,
    Long offset,
    String key,
    String url,
    Instant at) {

  public static final int SCHEMA_VERSION = 1;

  /** A record value as payload text: UTF-8 as is, anything else base64 with a prefix. */
  public static String payloadOf(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      return "base64:" + Base64.getEncoder().encodeToString(value);
    }
  }

  public static DeadLetter forUrl(String stage, ReasonCode reason, String message, String url) {
    return new DeadLetter(
        SCHEMA_VERSION, stage, reason, message, url, null, null, null, url, url, Instant.now());
  }
}
