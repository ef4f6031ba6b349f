package io.healthwatch.devstack.sites;

import io.healthwatch.devstack.process.SourcesRegistry;
import io.healthwatch.devstack.sites.DemoCorpus.Outlet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the crawler's source registry for the running demo sites (their ports change per run). */
public final class DemoSourcesFile {
  private DemoSourcesFile() {}

  public static Path write(DemoSites sites, Path file) throws IOException {
    var sources = new ArrayList<Map<String, Object>>();
    for (Outlet outlet : sites.corpus().outlets()) {
      var source = new LinkedHashMap<String, Object>();
      source.put("id", outlet.id());
      source.put("name", outlet.name());
      source.put("kind", outlet.feed());
      source.put("entryUrls", List.of(sites.entryUrl(outlet)));
      // the demo's sites are on loopback, which the crawler refuses for links from the web
      source.put("allowPrivateAddresses", true);
      if ("html-list".equals(outlet.feed())) {
        source.put("linkSelector", "ul.news-list a[href]");
        source.put("include", List.of("127\\.0\\.0\\.1:\\d+/.*\\.s?html?"));
      }
      sources.add(source);
    }
    return SourcesRegistry.write(file, sources);
  }
}
