package io.healthwatch.crawler.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns page bytes into text: the charset of the HTTP header, else of the page's meta tag, else of
 * a byte-order mark, else UTF-8 if the bytes are valid UTF-8, else GB18030 (the superset of GBK and
 * GB2312 that most non-UTF-8 Chinese pages are in).
 */
public final class PageDecoder {
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([a-z0-9_\\-]+)");
  private static final Pattern XML_ENCODING =
      Pattern.compile("(?i)<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-z0-9_\\-]+)");
  private static final Charset GB18030 = Charset.forName("GB18030");

  private PageDecoder() {}

  public static String decode(byte[] bytes, String headerCharset) {
    Charset charset = charsetOf(headerCharset);
    if (charset == null) {
      String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher meta = META_CHARSET.matcher(head);
      Matcher xml = XML_ENCODING.matcher(head);
      charset =
          meta.find() ? charsetOf(meta.group(1)) : xml.find() ? charsetOf(xml.group(1)) : null;
    }
    if (charset == null
        && bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (charset == null) {
      charset = isValidUtf8(bytes) ? StandardCharsets.UTF_8 : GB18030;
    } else if (charset.equals(GB18030) && hasNonAscii(bytes) && isValidUtf8(bytes)) {
      // Declared GB but valid UTF-8: Chinese text in GB encodings is practically never valid
      // UTF-8, so the declaration is the stale one (a common CMS migration leftover).
      charset = StandardCharsets.UTF_8;
    }
    return new String(bytes, charset);
  }

  /** Maps names pages use to a Java charset; the GB family to GB18030, which decodes them all. */
  static Charset charsetOf(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String normalized = name.trim().toLowerCase(Locale.ROOT);
    if (normalized.equals("gb2312")
        || normalized.equals("gbk")
        || normalized.equals("x-gbk")
        || normalized.equals("gb18030")) {
      return GB18030;
    }
    try {
      return Charset.forName(normalized);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static boolean hasNonAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  static boolean isValidUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
