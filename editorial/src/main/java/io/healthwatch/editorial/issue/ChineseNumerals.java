package io.healthwatch.editorial.issue;

/** Numbers as the reports write issue numbers: digit by digit, 575 as 五七五. */
public final class ChineseNumerals {
  private static final char[] DIGITS = "〇一二三四五六七八九".toCharArray();

  private ChineseNumerals() {}

  public static String digitByDigit(int number) {
    if (number < 0) {
      throw new IllegalArgumentException("issue numbers are positive: " + number);
    }
    var out = new StringBuilder();
    for (char c : Integer.toString(number).toCharArray()) {
      out.append(DIGITS[c - '0']);
    }
    return out.toString();
  }
}
