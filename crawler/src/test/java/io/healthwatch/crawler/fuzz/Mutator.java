package io.healthwatch.crawler.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded mutations of a real input, the kinds the open web and careless editors produce: flipped
 * and random bytes, cuts, repeated chunks, markup and entity fragments, deep nesting, wrong
 * encodings' bytes, and huge runs. Never larger than a cap, so memory stays bounded.
 */
final class Mutator {
  private static final String[] FRAGMENTS = {
    "<",
    ">",
    "&",
    "&#0;",
    "&#x110000;",
    "&amp",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?xml ",
    "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
    "&b;",
    "\u0000",
    "\uFEFF",
    "\uFFFD",
    "\r",
    "\n\n\n",
    "\"",
    "'",
    "=",
    "<item>",
    "</item>",
    "<entry>",
    "<link>",
    "</link>",
    "<pubDate>",
    "</pubDate>",
    "<title>",
    "<script>",
    "</div>",
    "<p>",
    "年",
    "月",
    "日",
    "时",
    "分",
    "发布时间：",
    "来源：",
    "+0800",
    "T",
    "Z",
    "-",
    ":",
    "99999999999"
  };

  private Mutator() {}

  static byte[] mutate(byte[] seed, Random random, int max) {
    byte[] out = seed.clone();
    int rounds = 1 + random.nextInt(6);
    for (int r = 0; r < rounds; r++) {
      out =
          switch (random.nextInt(8)) {
            case 0 -> flip(out, random);
            case 1 -> cut(out, random);
            case 2 -> repeat(out, random, max);
            case 3 ->
                insert(
                    out,
                    random,
                    FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8),
                    max);
            case 4 -> insert(out, random, nesting(random), max);
            case 5 -> insert(out, random, randomBytes(random), max);
            case 6 ->
                insert(
                    out, random, "中文".getBytes(java.nio.charset.Charset.forName("GB18030")), max);
            default -> truncate(out, random);
          };
    }
    return out.length > max ? Arrays.copyOf(out, max) : out;
  }

  private static byte[] flip(byte[] in, Random random) {
    if (in.length == 0) {
      return in;
    }
    byte[] out = in.clone();
    for (int i = 0; i < 1 + random.nextInt(8); i++) {
      out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  private static byte[] cut(byte[] in, Random random) {
    if (in.length < 2) {
      return in;
    }
    int from = random.nextInt(in.length);
    int to = Math.min(in.length, from + random.nextInt(Math.max(1, in.length / 4)));
    var out = new ByteArrayOutputStream(in.length);
    out.write(in, 0, from);
    out.write(in, to, in.length - to);
    return out.toByteArray();
  }

  private static byte[] repeat(byte[] in, Random random, int max) {
    if (in.length == 0) {
      return in;
    }
    int from = random.nextInt(in.length);
    int length = Math.min(in.length - from, 1 + random.nextInt(256));
    byte[] chunk = Arrays.copyOfRange(in, from, from + length);
    int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 5_000 : 20);
    var run = new ByteArrayOutputStream();
    for (int i = 0; i < times && run.size() + chunk.length < max; i++) {
      run.write(chunk, 0, chunk.length);
    }
    return insert(in, random, run.toByteArray(), max);
  }

  private static byte[] nesting(Random random) {
    int depth = 1 + random.nextInt(random.nextInt(4) == 0 ? 5_000 : 50);
    return "<div>".repeat(depth).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(64)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] insert(byte[] in, Random random, byte[] what, int max) {
    if (in.length + what.length > max) {
      return in;
    }
    int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
    byte[] out = new byte[in.length + what.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(in, at, out, at + what.length, in.length - at);
    return out;
  }

  private static byte[] truncate(byte[] in, Random random) {
    return in.length == 0 ? in : Arrays.copyOf(in, random.nextInt(in.length));
  }
}
