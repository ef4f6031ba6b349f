package io.healthwatch.devstack.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the local services, taken from the root pom at build time. */
public final class Versions {
  private static final Properties PROPERTIES = load();

  private Versions() {}

  public static String kafka() {
    return PROPERTIES.getProperty("kafka.version");
  }

  public static String openSearch() {
    return PROPERTIES.getProperty("opensearch.version");
  }

  public static String slf4j() {
    return PROPERTIES.getProperty("slf4j.version");
  }

  private static Properties load() {
    var properties = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/devstack/versions.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
