package io.healthwatch.cli.ops;

import java.io.IOException;
import java.net.ServerSocket;

/** A TCP port free on this machine now, for a service's ops endpoint in a local run. */
public final class LoopbackPort {
  private LoopbackPort() {}

  public static int free() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
