package io.healthwatch.contracts.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads a service's typed configuration once at start, in layers: the defaults shipped in the
 * module's jar, then an optional YAML file, then environment variables, then {@code --set} style
 * overrides. Unknown keys and bad values fail fast with the key, the value and what was expected.
 *
 * <p>An environment variable names a key of one component by its path: the crawler's {@code
 * kafka.bootstrapServers} is {@code HEALTHWATCH_CRAWLER_KAFKA__BOOTSTRAP_SERVERS} (the component,
 * then segments joined by a double underscore, camel case as upper snake case). Each component
 * reads only its own variables, so one environment (a shell, an env file, a parent process whose
 * children inherit it) can hold settings of all of them, and of the tests, without one stopping
 * another with an unknown key.
 */
public final class ConfigLoader {
  public static final String ENV_PREFIX = "HEALTHWATCH_";

  /** The components that read HEALTHWATCH_<COMPONENT>_* variables, and the tests' switch. */
  static final java.util.List<String> COMPONENTS =
      java.util.List.of(
          "CRAWLER", "ENRICHER", "INDEXER", "EDITORIAL", "SERVICES", "CLUSTER", "TEST");

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConfigLoader.class);

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .findAndRegisterModules()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ConfigLoader() {}

  /** Where a service's jar keeps its commented defaults: {@code crawler-defaults.yml}. */
  public static String defaultsResource(String component) {
    return component + "-defaults.yml";
  }

  /** A service's settings: its bundled defaults, then the file, its variables, the overrides. */
  public static <T> T load(
      Class<T> type,
      String component,
      Path file,
      Map<String, String> env,
      Map<String, String> overrides) {
    return load(type, component, defaultsResource(component), file, env, overrides);
  }

  /** The start of a component's environment variables: {@code HEALTHWATCH_CRAWLER_}. */
  public static String envPrefix(String component) {
    return ENV_PREFIX + component.toUpperCase(Locale.ROOT) + "_";
  }

  /**
   * @param component whose settings these are (crawler, enricher, ...): it names the environment
   *     variables read
   */
  public static <T> T load(
      Class<T> type,
      String component,
      String defaultsResource,
      Path file,
      Map<String, String> env,
      Map<String, String> overrides) {
    String prefix = envPrefix(component);
    ObjectNode tree = readDefaults(type, defaultsResource);
    String origin = "defaults " + defaultsResource;
    if (file != null) {
      merge(tree, readFile(file));
      origin = file.toString();
    }
    env.forEach(
        (name, value) -> {
          if (name.startsWith(prefix) && !name.equals(prefix + "CONFIG")) {
            set(tree, envNameToKey(name.substring(prefix.length())), value);
          } else if (name.startsWith(ENV_PREFIX)
              && COMPONENTS.stream().noneMatch(c -> name.startsWith(ENV_PREFIX + c + "_"))) {
            // Most likely a setting in the form before components had their own variables.
            LOG.warn(
                "environment variable {} names no component and is ignored: write"
                    + " HEALTHWATCH_<COMPONENT>_<KEY>, e.g. {}{}",
                name,
                prefix,
                name.substring(ENV_PREFIX.length()));
          }
        });
    overrides.forEach((key, value) -> set(tree, key, value));
    return bind(type, tree, origin, file);
  }

  /**
   * {@code KAFKA__BOOTSTRAP_SERVERS} (after the component's prefix) to {@code
   * kafka.bootstrapServers}.
   */
  static String envNameToKey(String envName) {
    var path = envName.toLowerCase(Locale.ROOT).split("__");
    var keys = new StringBuilder();
    for (String segment : path) {
      if (keys.length() > 0) {
        keys.append('.');
      }
      var words = segment.split("_");
      keys.append(words[0]);
      for (int i = 1; i < words.length; i++) {
        if (!words[i].isEmpty()) {
          keys.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
      }
    }
    return keys.toString();
  }

  private static ObjectNode readDefaults(Class<?> type, String resource) {
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled defaults " + resource);
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable bundled defaults " + resource, e);
    }
  }

  private static JsonNode readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file + " does not exist or is not a file");
    }
    try {
      JsonNode node = YAML.readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return YAML.createObjectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException("config file " + file + " must hold a YAML mapping at the top");
      }
      return node;
    } catch (IOException e) {
      throw new ConfigException(
          "config file " + file + " is not valid YAML: " + firstLine(e.getMessage()), e);
    }
  }

  private static void merge(ObjectNode target, JsonNode update) {
    update
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode existing = target.get(entry.getKey());
              if (existing instanceof ObjectNode existingObject && entry.getValue().isObject()) {
                merge(existingObject, entry.getValue());
              } else {
                target.set(entry.getKey(), entry.getValue());
              }
            });
  }

  private static void set(ObjectNode tree, String key, String value) {
    var path = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode child = node.get(path[i]);
      if (!(child instanceof ObjectNode)) {
        child = node.putObject(path[i]);
      }
      node = (ObjectNode) child;
    }
    node.put(path[path.length - 1], value);
  }

  private static <T> T bind(Class<T> type, ObjectNode tree, String origin, Path file) {
    try {
      return YAML.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      String key = path(e);
      throw new ConfigException(
          "unknown config key '"
              + key
              + "'"
              + where(file, e.getPropertyName())
              + "; known keys here: "
              + e.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    } catch (InvalidFormatException e) {
      throw ConfigException.invalid(
          path(e), e.getValue(), "a " + e.getTargetType().getSimpleName() + where(file, null));
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof ConfigException config) {
        throw config;
      }
      throw new ConfigException(
          "invalid config at '" + path(e) + "' (" + origin + "): " + rootMessage(e), e);
    } catch (MismatchedInputException e) {
      throw new ConfigException(
          "config key '"
              + path(e)
              + "' has the wrong shape ("
              + origin
              + "): "
              + firstLine(e.getOriginalMessage()),
          e);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read config (" + origin + "): " + firstLine(e.getMessage()), e);
    }
  }

  private static String where(Path file, String propertyName) {
    if (file == null) {
      return "";
    }
    if (propertyName != null) {
      try {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).trim().startsWith(propertyName + ":")) {
            return " in " + file + " line " + (i + 1);
          }
        }
      } catch (IOException ignored) {
        // The location is a courtesy; the key name alone still explains the error.
      }
    }
    return " in " + file;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return firstLine(t.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
