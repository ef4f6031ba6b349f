package io.healthwatch.devstack.sites;

import io.healthwatch.devstack.sites.DemoCorpus.Outlet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the crawler's source registry for the running demo sites (their ports change per run). */
public final class DemoSourcesFile {
  private DemoSourcesFile() {}

  public static Path write(DemoSites sites, Path file) throws IOException {
    var yaml =
        new StringBuilder(
            "# Written by the demo for sites on 127.0.0.1; see crawler/README.md.\nsources:\n");
    for (Outlet outlet : sites.corpus().outlets()) {
      yaml.append("  - id: ")
          .append(outlet.id())
          .append('\n')
          .append("    name: ")
          .append(outlet.name())
          .append('\n')
          .append("    kind: ")
          .append(outlet.feed())
          .append('\n')
          .append("    entryUrls: [\"")
          .append(sites.entryUrl(outlet))
          .append("\"]\n")
          // the demo's sites are on loopback, which the crawler refuses for links from the web
          .append("    allowPrivateAddresses: true\n");
      if ("html-list".equals(outlet.feed())) {
        yaml.append("    linkSelector: \"ul.news-list a[href]\"\n")
            .append("    include: [\"127\\\\.0\\\\.0\\\\.1:\\\\d+/.*\\\\.s?html?\"]\n");
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
