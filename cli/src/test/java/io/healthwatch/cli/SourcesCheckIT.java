package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.devstack.sites.DemoSites;
import io.healthwatch.devstack.sites.DemoSourcesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./healthwatch sources check} against the demo's sites on loopback. */
class SourcesCheckIT {
  private static final String FAST = "--set=fetch.perHostDelayMillis=20";

  @TempDir Path dir;

  @Test
  void everyDemoSourceGivesArticlesAndABrokenPatternOrABrowserSourceIsReported() throws Exception {
    var corpus = DemoCorpus.load();
    try (var sites = DemoSites.start(corpus)) {
      Path sources = DemoSourcesFile.write(sites, dir.resolve("sources.yml"));
      CliRun all = CliRun.of("sources", "check", "--sources", sources.toString(), FAST);
      assertEquals(0, all.exit(), all.out());
      int outlets = corpus.outlets().size();
      assertTrue(
          all.out().contains(outlets + " of " + outlets + " sources give articles"), all.out());
      assertTrue(all.out().contains("match the source's patterns"), all.out());
      assertTrue(all.out().matches("(?s).*title \"[^\"]+\", published 20\\d\\d-.*"), all.out());

      // An operator's edit that matches nothing, and a source marked as needing a browser.
      var outlet = corpus.outlets().get(0);
      String broken =
          Files.readString(sources)
              + "  - id: nomatch\n    name: 改版网\n    kind: "
              + outlet.feed()
              + "\n    entryUrls: [\""
              + sites.entryUrl(outlet)
              + "\"]\n    allowPrivateAddresses: true\n"
              + "    include: [\"127\\\\.0\\\\.0\\\\.1:\\\\d+/no-such-layout/.*\"]\n"
              + "  - id: walled\n    name: 有墙网\n    kind: rss\n"
              + "    entryUrls: [\"http://127.0.0.1:1/rss.xml\"]\n"
              + "    needsBrowser: \"a script challenge\"\n";
      Path edited = Files.writeString(dir.resolve("edited.yml"), broken);
      CliRun one =
          CliRun.of(
              "sources", "check", "--sources", edited.toString(), "--source", "nomatch", FAST);
      assertEquals(1, one.exit(), one.out());
      assertTrue(one.out().contains(" 0 match the source's patterns"), one.out());
      assertTrue(one.out().contains("NOT OK"), one.out());
      CliRun walled =
          CliRun.of("sources", "check", "--sources", edited.toString(), "--source", "walled");
      assertEquals(0, walled.exit(), walled.out());
      assertTrue(
          walled.out().contains("skipped: needs a browser: a script challenge"), walled.out());
    }
  }
}
