package io.healthwatch.contracts.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line every service takes: {@code --config FILE}, any number of {@code --set
 * key=value}, and the service's own flags. The config file may also be named by {@code
 * HEALTHWATCH_<SERVICE>_CONFIG} ({@code HEALTHWATCH_CRAWLER_CONFIG}).
 */
public final class ServiceArgs {
  private final Path configFile;
  private final Map<String, String> overrides;
  private final Set<String> flags;

  private ServiceArgs(Path configFile, Map<String, String> overrides, Set<String> flags) {
    this.configFile = configFile;
    this.overrides = overrides;
    this.flags = flags;
  }

  /**
   * Asked for {@code --help} or {@code --version}: what to print (on stdout, exit 0) instead of
   * running.
   */
  public static final class InfoRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InfoRequested(String text) {
      super(text, null, false, false);
    }
  }

  /**
   * @throws ConfigException naming the argument that is not understood
   * @throws InfoRequested for --help (usage and every config key with its default and meaning, from
   *     the service's bundled defaults) and --version
   */
  public static ServiceArgs parse(String service, String[] argv, String... knownFlags) {
    Path config = null;
    var overrides = new LinkedHashMap<String, String>();
    var flags = new HashSet<String>();
    List<String> known = Arrays.asList(knownFlags);
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      switch (arg) {
        case "--help", "-h" -> throw new InfoRequested(help(service, known));
        case "--version", "-V" ->
            throw new InfoRequested(service + " " + BuildVersion.of(ServiceArgs.class));
        case "--config" -> config = Path.of(value(service, argv, ++i, arg));
        case "--set" -> {
          String pair = value(service, argv, ++i, arg);
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new ConfigException("--set takes key=value, got '" + pair + "'");
          }
          overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        default -> {
          if (!known.contains(arg)) {
            throw new ConfigException(
                "unknown argument '" + arg + "'; usage: " + usage(service, known));
          }
          flags.add(arg);
        }
      }
    }
    if (config == null) {
      String fromEnv = System.getenv(ConfigLoader.envPrefix(service) + "CONFIG");
      config = fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }
    return new ServiceArgs(config, Map.copyOf(overrides), Set.copyOf(flags));
  }

  private static String usage(String service, List<String> flags) {
    return service
        + " [--config FILE] [--set key=value]..."
        + (flags.isEmpty()
            ? ""
            : " " + String.join(" ", flags.stream().map(f -> "[" + f + "]").toList()))
        + " [--help] [--version]";
  }

  private static String help(String service, List<String> flags) {
    var text = new StringBuilder();
    text.append("usage: ").append(usage(service, flags)).append("\n\n");
    text.append("  --config FILE   a YAML file of settings (or ")
        .append(ConfigLoader.envPrefix(service))
        .append("CONFIG)\n");
    text.append("  --set key=value one setting, over the file and the environment\n");
    text.append("  environment     ")
        .append(ConfigLoader.envPrefix(service))
        .append("<KEY>, e.g. ")
        .append(ConfigLoader.envPrefix(service))
        .append("KAFKA__BOOTSTRAP_SERVERS\n\n");
    String resource = ConfigLoader.defaultsResource(service);
    try (var in = ServiceArgs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        text.append("Settings, with their defaults (").append(resource).append("):\n\n");
        text.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (java.io.IOException e) {
      text.append("(the bundled ").append(resource).append(" could not be read)\n");
    }
    return text.toString();
  }

  private static String value(String service, String[] argv, int index, String option) {
    if (index >= argv.length) {
      throw new ConfigException(option + " needs a value");
    }
    return argv[index];
  }

  public Path configFile() {
    return configFile;
  }

  public Map<String, String> overrides() {
    return overrides;
  }

  public boolean flag(String flag) {
    return flags.contains(flag);
  }

  /** A path from the config, relative to the config file's folder (or the working directory). */
  public Path resolve(String path) {
    return resolve(configFile, path);
  }

  /**
   * How every path in a config resolves, for services and commands alike: relative to the folder of
   * the config file it was read with, or to the working directory when there is none.
   */
  public static Path resolve(Path configFile, String path) {
    Path p = Path.of(path);
    if (p.isAbsolute() || configFile == null) {
      return p;
    }
    Path dir = configFile.toAbsolutePath().getParent();
    return dir == null ? p : dir.resolve(p);
  }
}
