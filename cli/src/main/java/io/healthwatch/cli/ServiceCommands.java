package io.healthwatch.cli;

import io.healthwatch.crawler.CrawlerMain;
import io.healthwatch.editorial.EditorialMain;
import io.healthwatch.enricher.EnricherMain;
import io.healthwatch.indexer.IndexerMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Runs one service in the foreground with its own arguments, as its jar would: every argument is
 * passed through, and the service itself says which it does not know.
 */
final class ServiceCommands {
  private ServiceCommands() {}

  @Command(
      name = "crawler",
      description = "Run the crawler (args: [--config F] [--set k=v]... [--once]).")
  static final class Crawler implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
      CrawlerMain.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "enricher", description = "Run the enricher (args: [--config F] [--set k=v]...).")
  static final class Enricher implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
      EnricherMain.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(
      name = "editorial",
      description = "Run the editorial service (args: [--config F] [--set k=v]...).")
  static final class Editorial implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
      EditorialMain.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "indexer", description = "Run the indexer (args: [--config F] [--set k=v]...).")
  static final class Indexer implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
      IndexerMain.main(args.toArray(String[]::new));
      return 0;
    }
  }
}
