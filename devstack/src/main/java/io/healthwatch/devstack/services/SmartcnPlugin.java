package io.healthwatch.devstack.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the project's Smart Chinese analysis plugin (module {@code analysis-smartcn}, bundled in
 * this jar) into the local OpenSearch distribution before the node starts. It is an improvement,
 * not a requirement: when it cannot be installed the node runs without it and the indexer maps
 * Chinese text with the built-in {@code cjk} analyzer.
 */
final class SmartcnPlugin {
  static final String NAME = "healthwatch-analysis-smartcn";
  private static final Logger LOG = LoggerFactory.getLogger(SmartcnPlugin.class);
  private static final String RESOURCE = "/opensearch-plugins/" + NAME + ".zip";

  private final Path dist;
  private final Path marker;

  SmartcnPlugin(Path dist) {
    this.dist = dist;
    // Outside plugins/ because OpenSearch treats every entry there as a plugin.
    this.marker = dist.resolve(".smartcn-plugin.sha256");
  }

  boolean installed() {
    return Files.isRegularFile(
        dist.resolve("plugins").resolve(NAME).resolve("plugin-descriptor.properties"));
  }

  /** Installs or replaces the plugin when the bundled build differs from the installed one. */
  void ensureInstalled(Path javaHome, Path downloads) {
    try (InputStream bundled = SmartcnPlugin.class.getResourceAsStream(RESOURCE)) {
      if (bundled == null) {
        LOG.warn(
            "this build carries no {} (built without the analysis-smartcn module); OpenSearch"
                + " runs without it and Chinese text is analysed with cjk bigrams",
            NAME);
        return;
      }
      byte[] bytes = bundled.readAllBytes();
      String digest = sha256(bytes);
      if (installed()
          && Files.isRegularFile(marker)
          && Files.readString(marker).trim().equals(digest)) {
        return;
      }
      // Written out only to be installed: the tool takes a file URL.
      Files.createDirectories(downloads);
      Path zip = Files.write(downloads.resolve(NAME + ".zip"), bytes);
      Map<String, String> env = Map.of("OPENSEARCH_JAVA_HOME", javaHome.toString());
      String tool = dist.resolve("bin/opensearch-plugin").toString();
      if (installed()) {
        Commands.run(List.of(tool, "remove", NAME), env, "removing the old " + NAME);
      }
      Commands.run(
          List.of(tool, "install", "--batch", zip.toUri().toString()), env, "installing " + NAME);
      Files.writeString(marker, digest + "\n");
      LOG.info("installed the OpenSearch plugin {} (smartcn word segmentation)", NAME);
    } catch (IOException | ServiceException e) {
      LOG.warn(
          "could not install the OpenSearch plugin {}; the node runs without it and Chinese text"
              + " is analysed with cjk bigrams: {}",
          NAME,
          e.getMessage());
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
