package io.healthwatch.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
  private static final String TEXT = "国家医保局：医保码用户已超11.2亿人";
  private static final Charset GBK = Charset.forName("GBK");

  @Test
  void gbkPageDeclaredOnlyInItsMetaTagIsDecoded() {
    byte[] page =
        ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "</head><body>"
                + TEXT
                + "</body></html>")
            .getBytes(GBK);
    assertTrue(PageDecoder.decode(page, null).contains(TEXT));
  }

  @Test
  void headerCharsetWinsOverAWrongMetaTag() {
    byte[] page = ("<meta charset=\"utf-8\"><p>" + TEXT + "</p>").getBytes(GBK);
    assertTrue(PageDecoder.decode(page, "GBK").contains(TEXT));
  }

  @Test
  void undeclaredGbkIsRecognisedBecauseItIsNotValidUtf8() {
    byte[] page = ("<p>" + TEXT + "</p>").getBytes(GBK);
    assertEquals("<p>" + TEXT + "</p>", PageDecoder.decode(page, null));
  }

  @Test
  void utf8ByteOrderMarkIsHonouredAndDropped() {
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] page = new byte[body.length + 3];
    page[0] = (byte) 0xef;
    page[1] = (byte) 0xbb;
    page[2] = (byte) 0xbf;
    System.arraycopy(body, 0, page, 3, body.length);
    assertEquals(TEXT, PageDecoder.decode(page, null));
  }

  @Test
  void unknownCharsetNameFallsBackToDetection() {
    byte[] page = TEXT.getBytes(StandardCharsets.UTF_8);
    assertEquals(TEXT, PageDecoder.decode(page, "x-no-such-charset"));
  }

  @Test
  void randomBytesAreBinaryButAPageWithAFewStrayNulsIsText() {
    byte[] random = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(random);
    assertFalse(PageDecoder.looksLikeText(random));
    byte[] truncated =
        ("<html><body><p>" + TEXT + "\u0000\u0000\u0000").getBytes(StandardCharsets.UTF_8);
    assertTrue(PageDecoder.looksLikeText(truncated));
    byte[] utf16 = ("<p>" + TEXT + "</p>").getBytes(StandardCharsets.UTF_16);
    assertTrue(PageDecoder.looksLikeText(utf16), "UTF-16 with its byte-order mark");
  }
}
