package io.healthwatch.devstack.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the service distributions through Maven, so they come from the same repository (and the
 * same local cache) as the project's own dependencies.
 */
final class MavenFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(MavenFetcher.class);
  private static final String DEPENDENCY_PLUGIN =
      "org.apache.maven.plugins:maven-dependency-plugin:3.9.0";

  private final Path workDir;

  MavenFetcher(Path workDir) {
    this.workDir = workDir;
  }

  /** Copies an artifact and its runtime dependencies into {@code target}. */
  void copyWithDependencies(List<String> coordinates, Path target) {
    var pom = new StringBuilder();
    pom.append(
            "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>")
        .append(
            "<groupId>io.healthwatch.local</groupId><artifactId>runtime</artifactId><version>1</version>")
        .append("<dependencies>");
    for (String coordinate : coordinates) {
      String[] parts = coordinate.split(":");
      pom.append("<dependency><groupId>")
          .append(parts[0])
          .append("</groupId><artifactId>")
          .append(parts[1])
          .append("</artifactId><version>")
          .append(parts[2])
          .append("</version></dependency>");
    }
    pom.append("</dependencies></project>");
    try {
      Files.createDirectories(workDir);
      Path pomFile = workDir.resolve("runtime-" + target.getFileName() + "-pom.xml");
      Files.writeString(pomFile, pom, StandardCharsets.UTF_8);
      run(
          List.of(
              "-f",
              pomFile.toString(),
              DEPENDENCY_PLUGIN + ":copy-dependencies",
              "-DincludeScope=runtime",
              "-DoutputDirectory=" + target.toAbsolutePath()),
          coordinates.get(0));
    } catch (IOException e) {
      throw new ServiceException("cannot write to " + workDir + ": " + e.getMessage(), e);
    }
  }

  /** Copies one artifact (e.g. a zip) into {@code target} and returns its path. */
  Path copy(String coordinate, String fileName, Path target) {
    run(
        List.of(
            DEPENDENCY_PLUGIN + ":copy",
            "-Dartifact=" + coordinate,
            "-DoutputDirectory=" + target.toAbsolutePath(),
            "-Dmdep.stripVersion=false"),
        coordinate);
    Path file = target.resolve(fileName);
    if (!Files.isRegularFile(file)) {
      throw new ServiceException(
          "download failed: Maven reported success but " + file + " is missing");
    }
    return file;
  }

  private void run(List<String> args, String what) {
    var command = new ArrayList<String>();
    command.add(mavenCommand());
    command.add("-B");
    command.add("-q");
    command.addAll(args);
    LOG.info("fetching {} through Maven (first use only)", what);
    try {
      Files.createDirectories(workDir);
      Path log = workDir.resolve("maven-fetch.log");
      var process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(20, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new ServiceException("download failed: Maven took over 20 minutes fetching " + what);
      }
      if (process.exitValue() != 0) {
        var lines = Files.readAllLines(log);
        String reason =
            lines.stream()
                .filter(l -> l.contains("ERROR"))
                .findFirst()
                .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
        throw new ServiceException(
            "download failed for " + what + ": " + reason.trim() + " (full log: " + log + ")");
      }
    } catch (IOException e) {
      throw new ServiceException(
          "download failed: cannot run Maven ('" + command.get(0) + "'): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceException("interrupted while downloading " + what, e);
    }
  }

  private static String mavenCommand() {
    String fromEnv = System.getenv("MAVEN_CMD");
    return fromEnv == null || fromEnv.isBlank() ? "mvn" : fromEnv;
  }
}
