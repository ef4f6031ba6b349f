package io.healthwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./healthwatch dedup --jsonl FILE}: the enricher's dedup over a corpus, offline. */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = {
      "Run the enricher's own dedup over JSON lines and print, for each input line in order, its"
          + " final status: {\"line\", \"id\", \"status\" (PRIMARY or DUPLICATE), \"duplicateOf\","
          + " \"reason\"}.",
      "Each line is {\"id\", \"text\"} with optional \"source\" (its name, for"
          + " dedup.sourcePriority) and \"publishedAt\" (ISO-8601 with an offset; else the lines"
          + " count as published one second apart, in order). Lines arrive in file order, as"
          + " articles arrive on the topic; a later, more authoritative or earlier-published copy"
          + " takes over as primary, so statuses are printed once all lines are read.",
      "A line that cannot be read gives {\"line\": N, \"error\": ...} (exit status 1 at the end)."
    })
final class DedupCommand implements Callable<Integer> {
  @Option(names = "--jsonl", required = true, description = "the input is JSON lines")
  boolean jsonl;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "default: stdin")
  Path file;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "an enricher config (its dedup section); default: the bundled defaults")
  Path config;

  @Override
  public Integer call() throws IOException {
    if (file != null && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    try (InputStream in = file == null ? System.in : Files.newInputStream(file)) {
      return new JsonLinesDedup(config).run(in, System.out) == 0 ? 0 : 1;
    }
  }
}
