package io.healthwatch.devstack.services;

/** One of the local services: installed on first use, started detached, checked, stopped. */
public interface LocalService {
  String name();

  /** Installs if needed, starts unless running, and waits until healthy. */
  Status start();

  /** Stops the process and everything it started; returns whether one was running. */
  boolean stop();

  Status status();

  /**
   * @param pid the process id, or -1 when not running
   * @param healthy whether the service answers its health check
   * @param endpoint where clients connect
   * @param detail one line: why it is unhealthy, or what it runs
   */
  record Status(String name, long pid, boolean healthy, String endpoint, String detail) {
    public boolean running() {
      return pid > 0;
    }
  }
}
