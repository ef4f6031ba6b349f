package io.healthwatch.cli;

import io.healthwatch.cli.ops.DeadLetters;
import io.healthwatch.cli.ops.When;
import io.healthwatch.contracts.message.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which dead letters a command is about: {@code deadletters} and {@code replay} share these. */
final class DeadLetterOptions {
  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "this dead letter (as listed: partition-offset); repeatable")
  List<String> ids = List.of();

  @Option(names = "--stage", paramLabel = "STAGE", description = "crawler, enricher or indexer")
  String stage;

  @Option(
      names = "--reason",
      paramLabel = "REASON",
      description = "e.g. HTTP_STATUS, EXTRACTION_FAILED, MISSING_PUBLISH_DATE")
  ReasonCode reason;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "set aside at or after: 2026-12-01T08:00:00Z, 2026-12-01 (UTC) or P7D / PT24H back from now")
  String since;

  @Option(names = "--source", paramLabel = "ID", description = "only this source id")
  String source;

  DeadLetters.Filter filter(Instant now) {
    if (stage != null && !Set.of("crawler", "enricher", "indexer").contains(stage)) {
      throw new IllegalArgumentException(
          "--stage takes crawler, enricher or indexer, got '" + stage + "'");
    }
    for (String id : ids) {
      if (!id.matches("\\d+-\\d+")) {
        throw new IllegalArgumentException(
            "--id takes a dead letter's id as listed (e.g. 0-42), got '" + id + "'");
      }
    }
    return new DeadLetters.Filter(Set.copyOf(ids), stage, reason, When.since(since, now), source);
  }
}
