package io.healthwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file named on the command line, failing with one line that names it. */
final class InputFiles {
  private static final long MAX_BYTES = 50L * 1024 * 1024;

  private InputFiles() {}

  static byte[] read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(file + ": no such file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(
            file + ": larger than " + MAX_BYTES / 1024 / 1024 + " MB");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
