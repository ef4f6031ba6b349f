package io.healthwatch.cli;

import io.healthwatch.cli.ops.DeadLetters;
import io.healthwatch.cli.ops.Replayer;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./healthwatch replay --id 0-42 | --reason HTTP_STATUS ...}: dead letters sent back. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Send dead letters back: crawler URLs to the schedule (fetched again at once, with a clean"
          + " slate), enricher and indexer records to the topic they were read from.",
      "Each is sent once: a dead letter replayed before is skipped unless --again. Choose them as"
          + " for ./healthwatch deadletters, or --all."
    })
final class ReplayCommand implements Callable<Integer> {
  @Mixin DeadLetterOptions which;

  @Option(names = "--all", description = "every dead letter (no filter needed)")
  boolean all;

  @Option(names = "--again", description = "also those replayed before")
  boolean again;

  @Option(names = "--dry-run", description = "list what would be sent, send nothing")
  boolean dryRun;

  @Mixin IndexerOptions indexer;

  @Override
  public Integer call() throws Exception {
    Instant now = Instant.now();
    var filter = which.filter(now);
    if (filter.isEmpty() && !all) {
      throw new IllegalArgumentException(
          "say which dead letters: --id, --stage, --reason, --since, --source, or --all");
    }
    var settings = indexer.settings();
    var entries = DeadLetters.read(settings.kafka(), settings.namespace(), filter);
    int sent = 0;
    int skipped = 0;
    try (var replayer = new Replayer(settings.kafka(), settings.namespace())) {
      for (DeadLetters.Entry entry : entries) {
        var outcome = replayer.replay(entry, again, dryRun);
        String url =
            entry.letter().url() == null
                ? "(key " + entry.letter().key() + ")"
                : entry.letter().url();
        if (outcome.sent()) {
          sent++;
          System.out.printf(
              "%s %-8s %s -> %s%n",
              dryRun ? "would send" : "sent", entry.id(), url, outcome.targetTopic());
        } else {
          skipped++;
          System.out.printf("skipped %-8s %s: %s%n", entry.id(), url, outcome.skipped());
        }
      }
    }
    System.out.printf(
        "%d %s, %d skipped (of %d chosen)%n",
        sent, dryRun ? "would be sent" : "sent", skipped, entries.size());
    return 0;
  }
}
