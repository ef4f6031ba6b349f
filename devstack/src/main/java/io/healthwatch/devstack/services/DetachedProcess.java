package io.healthwatch.devstack.services;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server process that outlives the command that started it: started in its own session (so a
 * Ctrl-C in the terminal does not reach it), its PID and start time kept in a file, stopped by
 * signalling its whole process group.
 */
final class DetachedProcess {
  private final String name;
  private final Path pidFile;
  private final Path logFile;

  DetachedProcess(String name, Path pidFile, Path logFile) {
    this.name = name;
    this.pidFile = pidFile;
    this.logFile = logFile;
  }

  Path logFile() {
    return logFile;
  }

  /** The running process recorded in the PID file, if it is still the one we started. */
  Optional<ProcessHandle> running() {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      String[] parts = Files.readString(pidFile).trim().split("\\s+");
      long pid = Long.parseLong(parts[0]);
      Instant started = parts.length > 1 ? Instant.parse(parts[1]) : null;
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              h -> started == null || h.info().startInstant().map(started::equals).orElse(true));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  ProcessHandle start(List<String> command, Map<String, String> env, Path workDir) {
    var full = new ArrayList<String>();
    full.add("setsid");
    full.addAll(command);
    try {
      Files.createDirectories(logFile.getParent());
      Files.createDirectories(pidFile.getParent());
      var builder =
          new ProcessBuilder(full)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      Process process = builder.start();
      ProcessHandle handle = process.toHandle();
      Files.writeString(
          pidFile,
          handle.pid()
              + " "
              + handle.info().startInstant().map(Instant::toString).orElse("")
              + "\n");
      return handle;
    } catch (IOException e) {
      throw new ServiceException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /** Stops the process group: SIGTERM, then SIGKILL after the grace period. */
  boolean stop(Duration grace) {
    Optional<ProcessHandle> handle = running();
    if (handle.isEmpty()) {
      deletePidFile();
      return false;
    }
    long pid = handle.get().pid();
    var group = new ArrayList<ProcessHandle>();
    group.add(handle.get());
    handle.get().descendants().forEach(group::add);
    signalGroup(pid, "TERM");
    long deadline = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < deadline && group.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(200);
    }
    if (group.stream().anyMatch(ProcessHandle::isAlive)) {
      signalGroup(pid, "KILL");
      group.forEach(ProcessHandle::destroyForcibly);
      sleep(500);
    }
    deletePidFile();
    return true;
  }

  private void deletePidFile() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // A stale PID file is detected as such on the next start.
    }
  }

  private static void signalGroup(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, "--", "-" + pid)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Fails with a one-line reason when something else listens on the port already. */
  static void requireFreePort(int port, String what, String envKey) {
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new ServiceException(
          "port "
              + port
              + " ("
              + what
              + ") is taken by another process; stop it or choose another port with "
              + envKey
              + "=<port>");
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceException("interrupted");
    }
  }
}
