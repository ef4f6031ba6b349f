package io.healthwatch.contracts.message;

import java.time.Instant;

/**
 * That a dead letter was sent back to its stage's input: value of the compacted replays topic,
 * keyed by the dead letter's id, so a second {@code ./healthwatch replay} of it is a no-op.
 *
 * @param deadLetterId the dead letter's position on its topic, {@code <partition>-<offset>}
 * @param targetTopic where its payload was written
 */
public record Replay(
    int schemaVersion,
    String deadLetterId,
    String stage,
    ReasonCode reason,
    String url,
    String targetTopic,
    Instant at) {
  public static final int SCHEMA_VERSION = 1;
}
