package io.healthwatch.devstack.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 made once with the JDK's keytool: the server's key store
 * and the clients' trust store (PKCS12), with a random password kept next to them (owner only). For
 * the local secured listeners and the TLS tests; nothing here leaves the machine.
 */
public final class LocalTls {
  private final Path dir;

  /**
   * @param keyStore the server's key and certificate
   * @param trustStore the certificate alone, for clients
   * @param password of both stores
   */
  public record Material(Path keyStore, Path trustStore, String password) {}

  public LocalTls(Path dir) {
    this.dir = dir;
  }

  /** The material, made on first use. */
  public synchronized Material ensure() {
    Path keyStore = dir.resolve("server.p12");
    Path trustStore = dir.resolve("truststore.p12");
    Path passwordFile = dir.resolve("password");
    try {
      if (Files.isRegularFile(trustStore) && Files.isRegularFile(passwordFile)) {
        return new Material(keyStore, trustStore, Files.readString(passwordFile).strip());
      }
      Files.createDirectories(dir);
      Files.deleteIfExists(keyStore);
      Files.deleteIfExists(trustStore);
      String password = secret();
      Files.writeString(passwordFile, password + "\n");
      restrict(passwordFile);
      Path cert = dir.resolve("server.crt");
      keytool(
          keyStore,
          password,
          "-genkeypair",
          "-alias",
          "server",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-validity",
          "3650",
          "-dname",
          "CN=127.0.0.1",
          "-ext",
          "SAN=IP:127.0.0.1,DNS:localhost");
      keytool(
          keyStore, password, "-exportcert", "-alias", "server", "-rfc", "-file", cert.toString());
      keytool(
          trustStore,
          password,
          "-importcert",
          "-noprompt",
          "-alias",
          "healthwatch-local",
          "-file",
          cert.toString());
      return new Material(keyStore, trustStore, password);
    } catch (IOException e) {
      throw new ServiceException("cannot make the local TLS certificate in " + dir + ": " + e, e);
    }
  }

  /** A random password (for the stores, for a local SASL user). */
  public static String secret() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's own permissions apply
    }
  }

  /** keytool with the arguments, on the PKCS12 store with the password. */
  private static void keytool(Path store, String password, String... args) throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(
        List.of("-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        // The output names the step, never the password (it is an argument, not echoed).
        throw new IOException("keytool " + args[0] + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
