package io.healthwatch.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a corpus file, numbered from 1, each decoded on its own: a line that is not UTF-8 is
 * reported as such and the next one read (one bad line must not end a long batch). A final line
 * without a newline counts; a CR before the newline is dropped.
 */
final class InputLines {
  /** What is done with each line: its text, or null when it is not UTF-8. */
  interface Handler {
    void line(int number, String text) throws IOException;
  }

  private InputLines() {}

  static void read(InputStream input, Handler handler) throws IOException {
    var in = new BufferedInputStream(input, 1 << 16);
    var line = new ByteArrayOutputStream(4096);
    int number = 0;
    boolean pending = false;
    while (true) {
      int b = in.read();
      if (b == '\n' || b < 0 && pending) {
        handler.line(++number, decode(line.toByteArray()));
        line.reset();
        pending = false;
      } else if (b >= 0) {
        line.write(b);
        pending = true;
      }
      if (b < 0) {
        return;
      }
    }
  }

  private static String decode(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
