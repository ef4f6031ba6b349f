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
 * An OpenSearch node on 127.0.0.1 from the {@code integ-test-zip} distribution, run with a Java 21+
 * JDK: the single node of the local services, or one member of a local cluster. OpenSearch refuses
 * to run as root, so under root it runs as an unprivileged uid.
 */
public final class LocalOpenSearch implements LocalService {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Members share one distribution: it is unpacked, given a plugin and handed over once. */
  private static final Object SHARED_DISTRIBUTION = new Object();

  private final ServicesConfig config;
  private final ServicesLayout layout;
  private final Path home;
  private final Path dist;
  private final int member;
  private final Path nodeDir;
  private final DetachedProcess process;
  private final SmartcnPlugin smartcn;

  /** The single node of the local services, its downloads under {@code home/dist}. */
  public LocalOpenSearch(ServicesConfig config, Path home) {
    this(config, new ServicesLayout(home, home.resolve("dist"), "services"), 1);
  }

  /**
   * @param member from 1 to {@link ServicesConfig#openSearchNodes()}: its name and its ports
   */
  public LocalOpenSearch(ServicesConfig config, ServicesLayout layout, int member) {
    this.config = config;
    this.layout = layout;
    this.home = layout.home();
    this.member = member;
    this.dist = layout.dists().resolve("opensearch-" + Versions.openSearch());
    this.nodeDir = home.resolve(single() ? "opensearch" : "opensearch-" + member);
    this.smartcn = new SmartcnPlugin(dist);
    this.process =
        new DetachedProcess(
            name(),
            home.resolve("run/" + name() + ".pid"),
            home.resolve("logs/" + name() + ".log"));
  }

  private boolean single() {
    return config.openSearchNodes() == 1;
  }

  @Override
  public String name() {
    return single() ? "opensearch" : "opensearch-" + member;
  }

  /** This node's HTTP address. */
  public String url() {
    return config.openSearchNodeUrl(member);
  }

  private int transportPort(int m) {
    return config.memberPort(config.openSearchTransportPort(), m);
  }

  /**
   * Nodes that may become cluster manager: every one up to three, but one fewer when that leaves an
   * even count. Two eligible nodes have no majority once either is gone, so a two-node cluster
   * keeps one eligible node and survives losing the other.
   */
  private int managerEligible() {
    int eligible = Math.min(3, config.openSearchNodes());
    return eligible % 2 == 0 ? eligible - 1 : eligible;
  }

  private List<String> clusterSettings() {
    if (single()) {
      return List.of(
          "-Ecluster.name=healthwatch-local", "-Enode.name=local", "-Ediscovery.type=single-node");
    }
    var seeds = new ArrayList<String>();
    var managers = new ArrayList<String>();
    for (int m = 1; m <= config.openSearchNodes(); m++) {
      seeds.add("127.0.0.1:" + transportPort(m));
      if (m <= managerEligible()) {
        managers.add("node-" + m);
      }
    }
    return List.of(
        "-Ecluster.name=healthwatch-cluster",
        "-Enode.name=node-" + member,
        "-Enode.roles="
            + (member <= managerEligible() ? "cluster_manager,data,ingest" : "data,ingest"),
        "-Ediscovery.seed_hosts=" + String.join(",", seeds),
        "-Ecluster.initial_cluster_manager_nodes=" + String.join(",", managers));
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
    String label = single() ? "OpenSearch" : "OpenSearch node " + member;
    DetachedProcess.requireFreePort(
        config.memberPort(config.openSearchPort(), member),
        label + " HTTP",
        layout.envVariable("openSearchPort"));
    DetachedProcess.requireFreePort(
        transportPort(member), label + " transport", layout.envVariable("openSearchTransportPort"));
    Path javaHome =
        JavaHomes.find(21, config.openSearchJavaHome(), System.getenv("OPENSEARCH_JAVA_HOME"));
    var command = new ArrayList<String>();
    synchronized (SHARED_DISTRIBUTION) {
      install();
      smartcn.ensureInstalled(javaHome, layout.dists().resolve("downloads"));
      if (isRoot()) {
        String[] ids = config.openSearchUser().split(":");
        String uid = ids[0];
        String gid = ids.length > 1 ? ids[1] : ids[0];
        giveTo(uid + ":" + gid, dist, nodeDir);
        command.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
      }
    }
    command.add(dist.resolve("bin/opensearch").toString());
    command.addAll(clusterSettings());
    command.addAll(
        List.of(
            "-Enetwork.host=127.0.0.1",
            "-Ehttp.port=" + config.memberPort(config.openSearchPort(), member),
            "-Etransport.port=" + transportPort(member),
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
      return new Status(name(), -1, false, url(), "stopped");
    }
    String problem = healthProblem();
    return new Status(
        name(),
        handle.get().pid(),
        problem == null,
        url(),
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
        throw new ServiceException(name() + " exited during start-up; see " + process.logFile());
      }
      problem = healthProblem();
      if (problem == null) {
        return status();
      }
      DetachedProcess.sleep(500);
    }
    throw new ServiceException(
        name()
            + " did not become healthy in "
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
              HttpRequest.newBuilder(URI.create(url() + "/_cluster/health"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return "cluster health answered HTTP " + response.statusCode();
      }
      return response.body().contains("\"status\":\"red\"") ? "cluster status red" : null;
    } catch (IOException e) {
      return "not answering on " + url();
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
      Path downloads = layout.dists().resolve("downloads");
      Path zip =
          new MavenFetcher(layout.dists())
              .copy(
                  "org.opensearch.distribution.integ-test-zip:opensearch:"
                      + Versions.openSearch()
                      + ":zip",
                  "opensearch-" + Versions.openSearch() + ".zip",
                  downloads);
      Commands.run(
          List.of("unzip", "-q", "-o", zip.toString(), "-d", layout.dists().toString()),
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
