package io.healthwatch.cli;

import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import io.healthwatch.devstack.sites.DemoSourcesFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./healthwatch sites}: serves the demo news sites until stopped. */
@Command(
    name = "sites",
    mixinStandardHelpOptions = true,
    description = "Serve the bundled demo news sites on 127.0.0.1.")
final class SitesCommand implements Callable<Integer> {
  @Option(
      names = "--sources-file",
      paramLabel = "FILE",
      description = "where to write the crawler's sources file")
  Path sourcesFile;

  @Override
  public Integer call() throws Exception {
    Path file =
        sourcesFile != null
            ? sourcesFile
            : HealthwatchCli.home().resolve(".healthwatch/sites/sources.yml");
    try (var sites = DemoSites.start(DemoCorpus.load())) {
      DemoSourcesFile.write(sites, file);
      for (var outlet : sites.corpus().outlets()) {
        System.out.printf("%-10s %-6s %s%n", outlet.id(), outlet.name(), sites.entryUrl(outlet));
      }
      System.out.println("sources file: " + file + " (Ctrl-C to stop)");
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
