package io.healthwatch.enricher.ner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exact-span precision, recall and F1 per class and micro-averaged over them: a found name counts
 * only when its start, end and class all match a gold one.
 */
public final class NerScore {
  private final Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn

  /**
   * @param classOf the scored class of a model type index, or null to leave that type out
   */
  public void add(
      List<NerModel.Entity> gold,
      List<NerModel.Entity> found,
      java.util.function.IntFunction<String> classOf) {
    Set<String> goldKeys = keys(gold, classOf);
    Set<String> foundKeys = keys(found, classOf);
    for (String key : foundKeys) {
      int[] c = counts.computeIfAbsent(key.substring(key.lastIndexOf(':') + 1), k -> new int[3]);
      c[goldKeys.contains(key) ? 0 : 1]++;
    }
    for (String key : goldKeys) {
      if (!foundKeys.contains(key)) {
        counts.computeIfAbsent(key.substring(key.lastIndexOf(':') + 1), k -> new int[3])[2]++;
      }
    }
  }

  private static Set<String> keys(
      List<NerModel.Entity> entities, java.util.function.IntFunction<String> classOf) {
    var keys = new java.util.HashSet<String>();
    for (NerModel.Entity e : entities) {
      String klass = classOf.apply(e.type());
      if (klass != null) {
        keys.add(e.start() + ":" + e.end() + ":" + klass);
      }
    }
    return keys;
  }

  /** F1 of one class, or of all ({@code null}). */
  public double f1(String klass) {
    int[] c = klass == null ? micro() : counts.getOrDefault(klass, new int[3]);
    double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
    double r = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private int[] micro() {
    int[] all = new int[3];
    counts
        .values()
        .forEach(
            c -> {
              for (int i = 0; i < 3; i++) {
                all[i] += c[i];
              }
            });
    return all;
  }

  /** One line per class and the micro average: P, R, F1 and the counts. */
  public String table() {
    var out = new StringBuilder();
    var rows = new LinkedHashMap<>(counts);
    rows.put("all (micro)", micro());
    rows.forEach(
        (klass, c) -> {
          double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
          double r = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
          double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
          out.append(
              String.format(
                  "  %-14s P %.3f  R %.3f  F1 %.3f   (%d found right, %d wrong, %d missed)%n",
                  klass, p, r, f, c[0], c[1], c[2]));
        });
    return out.toString();
  }
}
