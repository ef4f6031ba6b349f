package io.healthwatch.cli;

import io.healthwatch.indexer.IndexBootstrap;
import io.healthwatch.indexer.OpenSearchClients;
import io.healthwatch.indexer.web.EditorServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./healthwatch serve}: the editors' pages until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the editors' pages over OpenSearch: the archive of issues, each issue, search with"
          + " filters, and each week's candidates with pin, exclude and publish.",
      "Listens on 127.0.0.1 unless told otherwise; there is no login, so expose it only to a"
          + " trusted network. Ctrl-C stops it."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8088",
      description = "port to listen on, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Mixin IndexerOptions indexer;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port takes 0 to 65535, got " + port);
    }
    var settings = indexer.settings();
    var client = OpenSearchClients.create(settings.opensearch());
    IndexBootstrap.ensure(client, settings);
    var stopped = new CountDownLatch(1);
    try (var server =
        EditorServer.start(
            new InetSocketAddress(host, port),
            client,
            settings.namespace(),
            settings.issues(),
            HealthwatchCli.home().resolve(settings.issues().outputDir()))) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "serve-stop"));
      System.out.printf(
          "editor pages at %s (namespace '%s', OpenSearch %s); Ctrl-C stops%n",
          server.address(), settings.namespace(), settings.opensearch().url());
      stopped.await();
    }
    return 0;
  }
}
