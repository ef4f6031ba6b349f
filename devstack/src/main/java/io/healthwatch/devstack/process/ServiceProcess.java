package io.healthwatch.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One pipeline service run from its jar as a separate process, its output in a log file. */
public final class ServiceProcess {
  private final String name;
  private final Path log;
  private final Process process;

  private ServiceProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  public static ServiceProcess start(String name, Path jar, List<String> args, Path log)
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
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ServiceProcess(name, log, process);
  }

  /**
   * The runnable jar of a module built in the project ({@code <module>/target/healthwatch-<module>-
   * *-all.jar}), the newest version when there are several.
   */
  public static Path jarOf(Path projectHome, String module) throws IOException {
    Path target = projectHome.resolve(module).resolve("target");
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        Optional<Path> found =
            files
                .filter(
                    p ->
                        p.getFileName().toString().startsWith("healthwatch-" + module)
                            && p.getFileName().toString().endsWith("-all.jar"))
                .max(java.util.Comparator.naturalOrder());
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    return target.resolve("healthwatch-" + module + "-all.jar");
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public boolean alive() {
    return process.isAlive();
  }

  public int exitCode() {
    return process.exitValue();
  }

  public long pid() {
    return process.pid();
  }

  /** SIGTERM (the service closes cleanly), SIGKILL if it has not exited after the grace time. */
  public void stop(long graceSeconds) throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM without waiting: for a JVM shutting down, which cannot wait long. */
  public void destroy() {
    process.destroy();
  }

  /** SIGKILL: the service gets no chance to flush or commit (a crash, a lost machine). */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** The last lines of the log, to show why a service failed. */
  public String tail(int lines) {
    try {
      var all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
