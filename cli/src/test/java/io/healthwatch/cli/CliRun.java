package io.healthwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code ./healthwatch ARGS} in this JVM, with what it printed on standard output and error. */
record CliRun(int exit, String out, String err) {
  /** A command followed by shared options (the namespace and endpoints of a test). */
  static CliRun of(String[] command, String... options) {
    var all = java.util.Arrays.copyOf(command, command.length + options.length);
    System.arraycopy(options, 0, all, command.length, options.length);
    return of(all);
  }

  static CliRun of(String... args) {
    var buffer = new ByteArrayOutputStream();
    var errors = new ByteArrayOutputStream();
    PrintStream original = System.out;
    PrintStream originalErr = System.err;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    try {
      int exit = HealthwatchCli.run(args);
      return new CliRun(
          exit, buffer.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
      System.setErr(originalErr);
    }
  }
}
