package io.healthwatch.cli;

import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.indexer.IndexBootstrap;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.indexer.Reindex;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./healthwatch reindex}: a new generation of an index behind its alias, no downtime. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Copy an index into a new generation made from this release's mappings (and smartcn, if"
          + " the node now has it), then move its alias there in one step.",
      "Services keep reading and writing through the alias meanwhile; documents written during"
          + " the copy are copied again after the move. The old index is kept unless"
          + " --delete-old."
    })
final class ReindexCommand implements Callable<Integer> {
  @Option(
      names = "--index",
      paramLabel = "NAME",
      split = ",",
      description = "articles, issues, overrides (default: all three)")
  List<String> names = List.of("articles", "issues", "overrides");

  @Option(names = "--delete-old", description = "delete each old index once its alias has moved")
  boolean deleteOld;

  @Mixin IndexerOptions indexer;

  @Override
  public Integer call() throws Exception {
    var indices =
        names.stream()
            .map(
                name -> {
                  try {
                    return Indices.valueOf(name.strip().toUpperCase(Locale.ROOT));
                  } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                        "--index takes articles, issues or overrides, not '" + name + "'");
                  }
                })
            .toList();
    var settings = indexer.settings();
    var client = OpenSearchClients.create(settings.opensearch());
    IndexBootstrap.ensure(client, settings);
    var reindex =
        new Reindex(
            client,
            settings.namespace(),
            settings.indexReplicas(),
            settings.chineseAnalysis(),
            System.out);
    for (Indices index : indices) {
      var result = reindex.run(index, deleteOld);
      System.out.printf(
          "%s -> %s: %d documents (%d in %s)%s%n",
          result.alias(),
          result.to(),
          result.documentsAfter(),
          result.documentsBefore(),
          result.from(),
          deleteOld
              ? ""
              : "; delete the old index with: curl -XDELETE "
                  + settings.opensearch().url()
                  + "/"
                  + result.from());
    }
    return 0;
  }
}
