package io.healthwatch.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's body metric: texts become words (each CJK character is a
 * word), words become 4-word shingles, and a page scores true positives, false positives and false
 * negatives of shingles, normalized by their sum; precision and recall come from the averages over
 * pages.
 */
final class ShingleScore {
  private static final Pattern WORD =
      Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[\\p{L}\\p{N}]+");
  private static final int N = 4;

  private double tp;
  private double fp;
  private double fn;
  private int pages;

  void add(String gold, String predicted) {
    Map<String, Integer> truth = shingles(gold);
    Map<String, Integer> guess = shingles(predicted == null ? "" : predicted);
    double t = 0;
    double p = 0;
    double n = 0;
    var keys = new HashSet<>(truth.keySet());
    keys.addAll(guess.keySet());
    for (String key : keys) {
      int a = truth.getOrDefault(key, 0);
      int b = guess.getOrDefault(key, 0);
      t += Math.min(a, b);
      p += Math.max(0, b - a);
      n += Math.max(0, a - b);
    }
    double sum = t + p + n;
    if (sum > 0) {
      tp += t / sum;
      fp += p / sum;
      fn += n / sum;
    }
    pages++;
  }

  double precision() {
    return tp + fp == 0 ? 0 : tp / (tp + fp);
  }

  double recall() {
    return tp + fn == 0 ? 0 : tp / (tp + fn);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  int pages() {
    return pages;
  }

  static Map<String, Integer> shingles(String text) {
    var words = new java.util.ArrayList<String>();
    Matcher m = WORD.matcher(text.toLowerCase());
    while (m.find()) {
      words.add(m.group());
    }
    var counts = new HashMap<String, Integer>();
    if (words.isEmpty()) {
      return counts;
    }
    for (int i = 0; i <= Math.max(0, words.size() - N); i++) {
      counts.merge(
          String.join(" ", words.subList(i, Math.min(words.size(), i + N))), 1, Integer::sum);
    }
    return counts;
  }
}
