package io.healthwatch.cli;

import io.healthwatch.cli.ops.DeadLetters;
import io.healthwatch.cli.ops.When;
import io.healthwatch.contracts.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./healthwatch deadletters [--stage --reason --since --source]}: what was set aside. */
@Command(
    name = "deadletters",
    mixinStandardHelpOptions = true,
    description = {
      "List the records the stages set aside, oldest first, with their id, reason and whether they"
          + " were replayed.",
      "Send them back with ./healthwatch replay (the same filters, or --id)."
    })
final class DeadLettersCommand implements Callable<Integer> {
  @Mixin DeadLetterOptions which;

  @Option(names = "--limit", paramLabel = "N", description = "the N newest (default 100)")
  int limit = 100;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Mixin IndexerOptions indexer;

  @Override
  public Integer call() throws Exception {
    var settings = indexer.settings();
    Instant now = Instant.now();
    List<DeadLetters.Entry> all =
        DeadLetters.read(settings.kafka(), settings.namespace(), which.filter(now));
    List<DeadLetters.Entry> shown = all.subList(Math.max(0, all.size() - limit), all.size());
    if (json) {
      var out = new LinkedHashMap<String, Object>();
      out.put("total", all.size());
      out.put("deadLetters", shown);
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
      return 0;
    }
    Map<String, Integer> byReason = new TreeMap<>();
    all.forEach(
        e -> byReason.merge(e.letter().stage() + " " + e.letter().reason(), 1, Integer::sum));
    System.out.printf(
        "%d dead letter%s%s%n",
        all.size(), all.size() == 1 ? "" : "s", byReason.isEmpty() ? "" : ": " + byReason);
    for (DeadLetters.Entry e : shown) {
      var l = e.letter();
      System.out.printf(
          "%-8s %s %-8s %-22s %s%s%n",
          e.id(),
          When.of(l.at(), now),
          l.stage(),
          l.reason(),
          l.url() == null ? "(key " + l.key() + ")" : l.url(),
          e.replayed() == null ? "" : "  [replayed " + When.of(e.replayed().at(), now) + "]");
      System.out.println("         " + l.message());
    }
    return 0;
  }
}
