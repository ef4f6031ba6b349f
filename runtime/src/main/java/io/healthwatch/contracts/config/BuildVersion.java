package io.healthwatch.contracts.config;

/**
 * The version the build wrote into a jar's manifest ("dev" when run from classes, as in an IDE).
 */
public final class BuildVersion {
  private BuildVersion() {}

  public static String of(Class<?> type) {
    String version =
        type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? "dev" : version;
  }
}
