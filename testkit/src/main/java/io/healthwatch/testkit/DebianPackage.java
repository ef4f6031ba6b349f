package io.healthwatch.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a Debian package a test needs (Chromium for the browser tests) when the machine can: as
 * root with apt-get, which reaches Debian's mirrors here and on CI. One install at a time across
 * the build's test JVMs (a lock file), tried once per JVM; a machine that cannot is told why and
 * the tests that need the package skip.
 */
public final class DebianPackage {
  private static final Logger LOG = LoggerFactory.getLogger(DebianPackage.class);
  private static final Path APT_GET = Path.of("/usr/bin/apt-get");
  private static final Path LOCK =
      Path.of(System.getProperty("java.io.tmpdir"), "healthwatch-apt.lock");
  private static final long TIMEOUT_MINUTES = 15;

  /** Each set of packages tried, to its outcome: empty when installed, else why not. */
  private static final Map<String, Optional<String>> TRIED = new HashMap<>();

  private DebianPackage() {}

  /**
   * @return null when the packages are installed (now or by an earlier call), else why they could
   *     not be
   */
  public static synchronized String install(String... names) {
    // An Optional, since a map's computeIfAbsent keeps no null: a success would be tried again.
    return TRIED
        .computeIfAbsent(
            String.join(" ", names), key -> Optional.ofNullable(tryInstall(List.of(names))))
        .orElse(null);
  }

  private static String tryInstall(List<String> names) {
    String name = String.join(" ", names);
    if (!Files.isExecutable(APT_GET)) {
      return "no apt-get on this machine";
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return "installing needs root (sudo apt-get install " + name + ")";
    }
    try (var file = new RandomAccessFile(LOCK.toFile(), "rw");
        FileLock lock = file.getChannel().lock()) {
      LOG.info("installing the Debian package {} for the tests that need it (once)", name);
      String failure = run(installCommand(names));
      if (failure != null) {
        // The package lists may be missing or stale on a fresh machine.
        run(List.of(APT_GET.toString(), "update", "-q"));
        failure = run(installCommand(names));
      }
      if (failure == null) {
        LOG.info("installed {}", name);
      }
      return failure;
    } catch (IOException e) {
      return "apt-get could not run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while installing";
    }
  }

  /** Each package its own argument: apt-get reads one argument as one package name. */
  private static List<String> installCommand(List<String> names) {
    var command =
        new java.util.ArrayList<>(
            List.of(APT_GET.toString(), "install", "-y", "-q", "--no-install-recommends"));
    command.addAll(names);
    return command;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("healthwatch-apt", ".log");
    try {
      var builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return String.join(" ", command) + " took more than " + TIMEOUT_MINUTES + " minutes";
      }
      if (process.exitValue() == 0) {
        return null;
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      return String.join(" ", command) + " exited " + process.exitValue() + ": " + last;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
