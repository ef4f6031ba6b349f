package io.healthwatch.cli;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.devstack.services.ServiceException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./healthwatch} command line. */
@Command(
    name = "healthwatch",
    mixinStandardHelpOptions = true,
    versionProvider = HealthwatchCli.Version.class,
    description = "Monitors health-IT news and publishes weekly issues.",
    subcommands = {
      DemoCommand.class,
      ServicesCommand.class,
      StatusCommand.class,
      IssueCommand.class,
      SitesCommand.class,
      ExtractCommand.class,
      ParseFeedCommand.class,
      TagCommand.class,
      DedupCommand.class,
      SearchCommand.class,
      ServeCommand.class,
      PasswordHashCommand.class,
      ReindexCommand.class,
      SourcesCommand.class,
      UrlsCommand.class,
      DeadLettersCommand.class,
      ReplayCommand.class,
      ReextractCommand.class,
      ServiceCommands.Crawler.class,
      ServiceCommands.Enricher.class,
      ServiceCommands.Indexer.class,
      ServiceCommands.Editorial.class,
      CommandLine.HelpCommand.class
    })
public final class HealthwatchCli {

  /** The checkout the launcher runs from: data, logs and jars are found relative to it. */
  static Path home() {
    String home = System.getProperty("healthwatch.home");
    return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
  }

  /**
   * The command line polls services while they start, so the Kafka clients' connection warnings are
   * expected there, not news. A service it starts in this process applies its own settings.
   */
  private static final io.healthwatch.contracts.config.LogSettings LOG_SETTINGS =
      new io.healthwatch.contracts.config.LogSettings(
          io.healthwatch.contracts.config.LogSettings.TEXT,
          "info",
          java.util.Map.of("org.apache.kafka", "error"));

  public static void main(String[] args) {
    io.healthwatch.contracts.ops.LogSetup.apply("cli", LOG_SETTINGS);
    System.exit(run(args));
  }

  static int run(String... args) {
    var cli = new CommandLine(new HealthwatchCli()).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ServiceException
              || e instanceof ConfigException
              || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("healthwatch: " + e.getMessage());
            return 2;
          }
          var refused = refusedConnection(e);
          if (refused != null) {
            commandLine
                .getErr()
                .println(
                    "healthwatch: "
                        + refused.getMessage()
                        + "; is it running? (./healthwatch services status; --set opensearch.url=...)");
            return 2;
          }
          commandLine.getErr().println("healthwatch: " + e);
          e.printStackTrace(commandLine.getErr());
          return 1;
        });
    return cli.execute(args);
  }

  /** A refused connection anywhere in the causes: a service is down, not a bug to show. */
  private static java.net.ConnectException refusedConnection(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException refused) {
        return refused;
      }
    }
    return null;
  }

  /** Prints the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = io.healthwatch.contracts.config.BuildVersion.of(HealthwatchCli.class);
      return new String[] {"healthwatch " + (version == null ? "dev" : version)};
    }
  }
}
