package io.healthwatch.devstack.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a JDK of at least a given feature version (OpenSearch 3 needs 21). */
final class JavaHomes {
  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private JavaHomes() {}

  static Path find(int minimum, String configured, String fromEnv) {
    for (String candidate : new String[] {configured, fromEnv}) {
      if (candidate != null && !candidate.isBlank()) {
        Path home = Path.of(candidate);
        if (version(home).orElse(0) < minimum) {
          throw new ServiceException(
              "no suitable JDK: "
                  + home
                  + " is not a Java "
                  + minimum
                  + "+ JDK (OpenSearch needs one)");
        }
        return home;
      }
    }
    Path current = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() >= minimum) {
      return current;
    }
    try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
      return homes
          .filter(home -> version(home).orElse(0) >= minimum)
          .max(Comparator.comparing(home -> version(home).orElse(0)))
          .orElseThrow(() -> noJdk(minimum));
    } catch (IOException e) {
      throw noJdk(minimum);
    }
  }

  private static ServiceException noJdk(int minimum) {
    return new ServiceException(
        "no suitable JDK: OpenSearch needs Java "
            + minimum
            + "+; install one under /usr/lib/jvm or set HEALTHWATCH_SERVICES_OPEN_SEARCH_JAVA_HOME");
  }

  static Optional<Integer> version(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
      return Optional.empty();
    }
    try {
      Matcher matcher = VERSION.matcher(Files.readString(release));
      return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
