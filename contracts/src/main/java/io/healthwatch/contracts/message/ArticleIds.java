package io.healthwatch.contracts.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Article ids are a stable hash of the canonical URL, so a replay overwrites instead of adding. */
public final class ArticleIds {
  private ArticleIds() {}

  public static String forCanonicalUrl(String canonicalUrl) {
    return sha256Hex(canonicalUrl);
  }

  public static String sha256Hex(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
