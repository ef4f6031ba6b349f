package io.healthwatch.crawler.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns page and feed bytes into text, in this order: a byte-order mark (UTF-8, UTF-16, UTF-32: it
 * wins over any declaration, and is not part of the text), the XML signature of UTF-16/32 without a
 * mark, the charset of the HTTP header, of the page's meta tag or the XML declaration; undeclared,
 * UTF-8 when the bytes are valid UTF-8, else the legacy CJK encoding a detector recognizes (Big5,
 * EUC-KR, Shift_JIS, EUC-JP), else GB18030 (the superset of GBK and GB2312 that most non-UTF-8
 * Chinese pages are in). A GB declaration on bytes that are valid UTF-8 is taken for the stale one
 * it practically always is.
 */
public final class PageDecoder {
  private static final int STRAY_CONTROL_BYTES = 8;

  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([a-z0-9_\\-]+)");
  private static final Pattern XML_ENCODING =
      Pattern.compile("(?i)<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-z0-9_\\-]+)");
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /**
   * What the detector may choose over GB18030: the other legacy CJK encodings, and the Cyrillic,
   * Greek, Hebrew and Thai ones it recognizes by their letter statistics. Not windows-1252, its
   * fallback for bytes it does not know.
   */
  private static final Set<String> LEGACY_CJK =
      Set.of(
          "BIG5",
          "EUC-KR",
          "SHIFT_JIS",
          "EUC-JP",
          "EUC-TW",
          "ISO-2022-JP",
          "ISO-2022-KR",
          "ISO-2022-CN",
          "KOI8-R",
          "WINDOWS-1251",
          "IBM855",
          "IBM866",
          "X-MAC-CYRILLIC",
          "ISO-8859-5",
          "WINDOWS-1253",
          "ISO-8859-7",
          "WINDOWS-1255",
          "ISO-8859-8",
          "TIS620");

  private PageDecoder() {}

  /** The text and the charset it was read in. */
  public record Decoded(String text, Charset charset) {}

  public static String decode(byte[] bytes, String headerCharset) {
    return decoded(bytes, headerCharset).text();
  }

  public static Decoded decoded(byte[] bytes, String headerCharset) {
    Decoded marked = byteOrderMark(bytes);
    if (marked != null) {
      return marked;
    }
    Charset wide = wideXml(bytes);
    if (wide != null) {
      return new Decoded(new String(bytes, wide), wide);
    }
    Charset charset = charsetOf(headerCharset);
    if (charset == null) {
      String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher meta = META_CHARSET.matcher(head);
      Matcher xml = XML_ENCODING.matcher(head);
      charset =
          meta.find() ? charsetOf(meta.group(1)) : xml.find() ? charsetOf(xml.group(1)) : null;
    }
    if (charset == null) {
      charset = isValidUtf8(bytes) ? StandardCharsets.UTF_8 : sniffed(bytes);
    } else if (charset.equals(GB18030) && hasNonAscii(bytes) && isValidUtf8(bytes)) {
      // Declared GB but valid UTF-8: Chinese text in GB encodings is practically never valid
      // UTF-8, so the declaration is the stale one (a common CMS migration leftover).
      charset = StandardCharsets.UTF_8;
    } else if (isUtf16or32(charset) && !looksWide(bytes)) {
      // "encoding=UTF-16" on single-byte text: the declaration was copied, the bytes were not.
      charset = isValidUtf8(bytes) ? StandardCharsets.UTF_8 : sniffed(bytes);
    }
    return new Decoded(new String(bytes, charset), charset);
  }

  /**
   * Whether the bytes can be text at all: a binary file (an image, a PDF, an archive served as
   * text/html) has NUL and other control bytes in about a tenth of its bytes, which no page or feed
   * has outside UTF-16/32. A few stray ones (a page cut off and padded with NULs by a failing CMS)
   * leave it a broken page, to be reported as such rather than as binary.
   */
  public static boolean looksLikeText(byte[] bytes) {
    if (byteOrderMark(bytes) != null || wideXml(bytes) != null) {
      return true;
    }
    int sample = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x09 || b > 0x0d && b < 0x20 && b != 0x1b) {
        control++;
      }
    }
    return control <= STRAY_CONTROL_BYTES + sample / 100;
  }

  private static Decoded byteOrderMark(byte[] b) {
    if (b.length >= 4
        && (b[0] & 0xff) == 0
        && (b[1] & 0xff) == 0
        && (b[2] & 0xff) == 0xfe
        && (b[3] & 0xff) == 0xff) {
      return new Decoded(new String(b, 4, b.length - 4, UTF_32BE), UTF_32BE);
    }
    if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0) {
      return new Decoded(new String(b, 4, b.length - 4, UTF_32LE), UTF_32LE);
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return new Decoded(
          new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return new Decoded(
          new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return new Decoded(
          new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
    }
    return null;
  }

  /** "<" and "?" of an XML declaration (or a "<" of markup) in UTF-16 or UTF-32, without a mark. */
  private static Charset wideXml(byte[] b) {
    if (b.length < 4) {
      return null;
    }
    if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') {
      return UTF_32BE;
    }
    if (b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      return UTF_32LE;
    }
    if (b[0] == 0
        && b[1] == '<'
        && b[2] == 0
        && (b[3] == '?' || Character.isLetter(b[3]) || b[3] == '!')) {
      return StandardCharsets.UTF_16BE;
    }
    if (b[0] == '<'
        && b[1] == 0
        && (b[2] == '?' || Character.isLetter(b[2]) || b[2] == '!')
        && b[3] == 0) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static boolean isUtf16or32(Charset charset) {
    String name = charset.name().toUpperCase(Locale.ROOT);
    return name.startsWith("UTF-16") || name.startsWith("UTF-32");
  }

  private static boolean looksWide(byte[] bytes) {
    int zeros = 0;
    int sample = Math.min(bytes.length, 512);
    for (int i = 0; i < sample; i++) {
      zeros += bytes[i] == 0 ? 1 : 0;
    }
    return zeros * 4 >= sample;
  }

  /** Undeclared and not UTF-8: a legacy CJK encoding if the detector is sure, else GB18030. */
  private static Charset sniffed(byte[] bytes) {
    var detector = new UniversalDetector();
    detector.handleData(bytes, 0, Math.min(bytes.length, 64 * 1024));
    detector.dataEnd();
    String found = detector.getDetectedCharset();
    if (found != null && LEGACY_CJK.contains(found.toUpperCase(Locale.ROOT))) {
      Charset charset = charsetOf(found.equalsIgnoreCase("TIS620") ? "TIS-620" : found);
      if (charset != null) {
        return charset;
      }
    }
    return GB18030;
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
