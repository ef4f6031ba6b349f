package io.healthwatch.editorial.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Editors' password hashes ({@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, base64) and API token
 * digests (SHA-256 hex): the config holds these, never a password or a token. PBKDF2 is the JDK's,
 * so nothing beyond it is needed; the iteration count is OWASP's recommendation for it.
 */
public final class PasswordHash {
  public static final int ITERATIONS = 600_000;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new hash of a password, with a fresh salt. */
  public static String of(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return PREFIX
        + "$"
        + ITERATIONS
        + "$"
        + Base64.getEncoder().withoutPadding().encodeToString(salt)
        + "$"
        + Base64.getEncoder().withoutPadding().encodeToString(derive(password, salt, ITERATIONS));
  }

  /**
   * @throws IllegalArgumentException when the hash is not of this form (a config mistake, which
   *     must not read as a wrong password)
   */
  public static boolean matches(char[] password, String hash) {
    String[] parts = shape(hash);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
  }

  /** The parts of a well-formed hash; the reason otherwise. */
  public static String[] shape(String hash) {
    String[] parts = hash == null ? new String[0] : hash.split("\\$");
    try {
      if (parts.length == 4
          && parts[0].equals(PREFIX)
          && Integer.parseInt(parts[1]) >= 10_000
          && Base64.getDecoder().decode(parts[2]).length >= 8
          && Base64.getDecoder().decode(parts[3]).length == 32) {
        return parts;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        "not a password hash of the form "
            + PREFIX
            + "$ITERATIONS$SALT$HASH (make one with ./healthwatch password-hash)");
  }

  /** The digest an API token is configured by (SHA-256, hex): tokens are long and random. */
  public static String tokenDigest(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      var spec = new PBEKeySpec(password, salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
    }
  }
}
