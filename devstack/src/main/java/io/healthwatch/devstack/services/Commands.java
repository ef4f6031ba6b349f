package io.healthwatch.devstack.services;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short set-up command to completion, failing with its output. */
final class Commands {
  private Commands() {}

  static void run(List<String> command, Map<String, String> env, String what) {
    try {
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(env);
      var process = builder.start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new ServiceException(what + " failed: " + out);
      }
    } catch (IOException e) {
      throw new ServiceException(what + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceException("interrupted while " + what, e);
    }
  }
}
