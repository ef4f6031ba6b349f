package io.healthwatch.contracts.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a service's main: configuration errors are one line and exit 2, failures exit 1. */
public final class ServiceLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  /** A service body. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  private ServiceLauncher() {}

  public static void run(String service, Body body) {
    try {
      body.run();
    } catch (ServiceArgs.InfoRequested e) {
      System.out.print(e.getMessage().endsWith("\n") ? e.getMessage() : e.getMessage() + "\n");
      System.out.flush();
      System.exit(0);
    } catch (ConfigException e) {
      System.err.println(service + ": " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      LOG.error("{} failed: {}", service, e.toString(), e);
      System.exit(1);
    }
  }
}
