package io.healthwatch.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One pipeline service run from its jar as a separate process, its output in a log file. */
final class ServiceProcess {
  private final String name;
  private final Path log;
  private final Process process;

  private ServiceProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  static ServiceProcess start(String name, Path jar, List<String> args, Path log)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "the " + name + " jar " + jar + " is missing; build it with: mvn -DskipTests package");
    }
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    Files.createDirectories(log.getParent());
    var process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    return new ServiceProcess(name, log, process);
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM (the service closes cleanly), SIGKILL if it has not exited after the grace time. */
  void stop(long graceSeconds) throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The last lines of the log, to show why a service failed. */
  String tail(int lines) {
    try {
      var all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
