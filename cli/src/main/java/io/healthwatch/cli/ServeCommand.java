package io.healthwatch.cli;

import io.healthwatch.editorial.EditorialMain;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./healthwatch serve}: the editorial service (pages and weekly publisher) until stopped.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the editorial service: the editors' pages over OpenSearch (the archive of issues, each"
          + " issue, search with filters, each week's candidates with pin, exclude and publish)"
          + " and the weekly publisher (each week's issue once the week is over; publishing.enabled).",
      "Listens on 127.0.0.1 unless told otherwise. Ctrl-C stops it."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "address to listen on (server.host; default 127.0.0.1)")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "port to listen on, 0 for any free one (server.port; default 8088)")
  Integer port;

  @Mixin EditorialOptions editorial;

  @Override
  public Integer call() throws Exception {
    var fromOptions = new LinkedHashMap<String, String>();
    if (host != null) {
      fromOptions.put("server.host", host);
    }
    if (port != null) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("--port takes 0 to 65535, got " + port);
      }
      fromOptions.put("server.port", port.toString());
    }
    var settings = editorial.settings(fromOptions);
    EditorialMain.run(
        settings,
        address ->
            System.out.printf(
                "editor pages at %s (namespace '%s', OpenSearch %s); Ctrl-C stops%n",
                address, settings.namespace(), settings.opensearch().url()));
    return 0;
  }
}
