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

  /**
   * A URL the crawler gave up on: the payload is its frontier record and the source topic the
   * frontier, so a replay puts it back on the schedule of the instance that owns its host.
   *
   * @param key the URL's politeness key (the frontier's record key)
   */
  public static DeadLetter forCrawlUrl(
      ReasonCode reason,
      String message,
      String frontierTopic,
      String key,
      byte[] frontierUrl,
      String url,
      Instant at) {
    return new DeadLetter(
        SCHEMA_VERSION,
        "crawler",
        reason,
        message,
        payloadOf(frontierUrl),
        frontierTopic,
        null,
        null,
        key,
        url,
        at);
  }

  /** The payload as the bytes it was made from (undoing the base64 of binary payloads). */
  public byte[] payloadBytes() {
    if (payload == null) {
      return null;
    }
    return payload.startsWith("base64:")
        ? Base64.getDecoder().decode(payload.substring(7))
        : payload.getBytes(StandardCharsets.UTF_8);
  }
}
