package io.healthwatch.devstack.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node OpenSearch on 127.0.0.1 from the {@code integ-test-zip} distribution, run with a
 * Java 21+ JDK. OpenSearch refuses to run as root, so under root it runs as an unprivileged uid.
 */
public final class LocalOpenSearch implements LocalService {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final ServicesConfig config;
  private final Path home;
  private final Path dist;
  private final Path nodeDir;
  private final DetachedProcess process;
  private final SmartcnPlugin smartcn;

  public LocalOpenSearch(ServicesConfig config, Path home) {
    this.config = config;
    this.home = home;
    this.dist = home.resolve("dist").resolve("opensearch-" + Versions.openSearch());
    this.nodeDir = home.resolve("opensearch");
    this.smartcn = new SmartcnPlugin(dist);
    this.process =
        new DetachedProcess(
            "opensearch", home.resolve("run/opensearch.pid"), home.resolve("logs/opensearch.log"));
  }

  @Override
  public String name() {
    return "opensearch";
  }

  /** Where the distribution is unpacked: plugins are installed into it. */
  public Path distribution() {
    return dist;
  }

  @Override
  public Status start() {
    if (process.running().isPresent()) {
      return waitHealthy();
    }
    DetachedProcess.requireFreePort(
        config.openSearchPort(), "OpenSearch HTTP", "HEALTHWATCH_SERVICES_OPEN_SEARCH_PORT");
    DetachedProcess.requireFreePort(
        config.openSearchTransportPort(),
        "OpenSearch transport",
        "HEALTHWATCH_SERVICES_OPEN_SEARCH_TRANSPORT_PORT");
    Path javaHome =
        JavaHomes.find(21, config.openSearchJavaHome(), System.getenv("OPENSEARCH_JAVA_HOME"));
    install();
    smartcn.ensureInstalled(javaHome, home.resolve("dist").resolve("downloads"));
    var command = new ArrayList<String>();
    if (isRoot()) {
      String[] ids = config.openSearchUser().split(":");
      String uid = ids[0];
      String gid = ids.length > 1 ? ids[1] : ids[0];
      giveTo(uid + ":" + gid, dist, nodeDir);
      command.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
    }
    command.add(dist.resolve("bin/opensearch").toString());
    command.addAll(
        List.of(
            "-Ecluster.name=healthwatch-local",
            "-Enode.name=local",
            "-Ediscovery.type=single-node",
            "-Enetwork.host=127.0.0.1",
            "-Ehttp.port=" + config.openSearchPort(),
            "-Etransport.port=" + config.openSearchTransportPort(),
            "-Epath.data=" + nodeDir.resolve("data").toAbsolutePath(),
            "-Epath.logs=" + nodeDir.resolve("logs").toAbsolutePath(),
            // A developer disk that is 90% full must not turn the demo's indices read-only.
            "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
    process.start(
        command,
        Map.of(
            "OPENSEARCH_JAVA_HOME", javaHome.toString(),
            "OPENSEARCH_JAVA_OPTS",
                "-Xms" + config.openSearchHeap() + " -Xmx" + config.openSearchHeap(),
            "OPENSEARCH_TMPDIR", nodeDir.resolve("tmp").toAbsolutePath().toString()),
        home);
    return waitHealthy();
  }

  @Override
  public boolean stop() {
    return process.stop(Duration.ofSeconds(45));
  }

  @Override
  public Status status() {
    var handle = process.running();
    if (handle.isEmpty()) {
      return new Status(name(), -1, false, config.openSearchUrl(), "stopped");
    }
    String problem = healthProblem();
    return new Status(
        name(),
        handle.get().pid(),
        problem == null,
        config.openSearchUrl(),
        problem == null
            ? "OpenSearch "
                + Versions.openSearch()
                + (smartcn.installed() ? " with smartcn" : " without smartcn (cjk bigrams)")
                + ", data "
                + nodeDir.resolve("data")
            : problem);
  }

  private Status waitHealthy() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.startTimeoutSeconds());
    String problem = "not started";
    while (System.nanoTime() < deadline) {
      if (process.running().isEmpty()) {
        throw new ServiceException("OpenSearch exited during start-up; see " + process.logFile());
      }
      problem = healthProblem();
      if (problem == null) {
        return status();
      }
      DetachedProcess.sleep(500);
    }
    throw new ServiceException(
        "OpenSearch did not become healthy in "
            + config.startTimeoutSeconds()
            + " s ("
            + problem
            + "); see "
            + process.logFile());
  }

  private String healthProblem() {
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(config.openSearchUrl() + "/_cluster/health"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return "cluster health answered HTTP " + response.statusCode();
      }
      return response.body().contains("\"status\":\"red\"") ? "cluster status red" : null;
    } catch (IOException e) {
      return "not answering on " + config.openSearchUrl();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private void install() {
    try {
      Files.createDirectories(nodeDir.resolve("data"));
      Files.createDirectories(nodeDir.resolve("logs"));
      Files.createDirectories(nodeDir.resolve("tmp"));
      if (Files.isRegularFile(dist.resolve(".complete"))) {
        return;
      }
      Path downloads = home.resolve("dist").resolve("downloads");
      Path zip =
          new MavenFetcher(home.resolve("dist"))
              .copy(
                  "org.opensearch.distribution.integ-test-zip:opensearch:"
                      + Versions.openSearch()
                      + ":zip",
                  "opensearch-" + Versions.openSearch() + ".zip",
                  downloads);
      Commands.run(
          List.of("unzip", "-q", "-o", zip.toString(), "-d", home.resolve("dist").toString()),
          Map.of(),
          "unpacking " + zip);
      if (!Files.isExecutable(dist.resolve("bin/opensearch"))) {
        throw new ServiceException("download failed: " + zip + " did not unpack to " + dist);
      }
      Files.writeString(dist.resolve(".complete"), "opensearch " + Versions.openSearch() + "\n");
    } catch (IOException e) {
      throw new ServiceException(
          "cannot install OpenSearch under " + home + ": " + e.getMessage(), e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void giveTo(String owner, Path... paths) {
    for (Path path : paths) {
      Commands.run(
          List.of("chown", "-R", owner, path.toString()),
          Map.of(),
          "giving " + path + " to uid " + owner);
    }
  }
}
