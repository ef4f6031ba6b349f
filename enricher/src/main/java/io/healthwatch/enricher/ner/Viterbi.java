package io.healthwatch.enricher.ner;

import java.util.ArrayList;

/** The best well-formed BIOES path through per-character tag scores, for model and trainer. */
final class Viterbi {
  private final int tagCount;
  private final int[][] previousTags;

  Viterbi(int tagCount) {
    this.tagCount = tagCount;
    this.previousTags = new int[tagCount][];
    for (int next = 0; next < tagCount; next++) {
      var allowed = new ArrayList<Integer>();
      for (int previous = 0; previous < tagCount; previous++) {
        if (NerTags.allowed(previous, next)) {
          allowed.add(previous);
        }
      }
      previousTags[next] = allowed.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * @param emission n × T scores, position-major
   * @param transitions (T + 1) × T scores: row {@code previous}, the last row for the start
   */
  int[] best(float[] emission, int n, float[] transitions) {
    int t = tagCount;
    if (n == 0) {
      return new int[0];
    }
    float[] score = new float[t];
    float[] nextScore = new float[t];
    int[] back = new int[n * t];
    for (int tag = 0; tag < t; tag++) {
      score[tag] =
          NerTags.allowed(-1, tag)
              ? emission[tag] + transitions[t * t + tag]
              : Float.NEGATIVE_INFINITY;
    }
    for (int i = 1; i < n; i++) {
      int o = i * t;
      for (int next = 0; next < t; next++) {
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int previous : previousTags[next]) {
          float s = score[previous] + transitions[previous * t + next];
          if (s > best) {
            best = s;
            arg = previous;
          }
        }
        nextScore[next] = best + emission[o + next];
        back[o + next] = arg;
      }
      float[] swap = score;
      score = nextScore;
      nextScore = swap;
    }
    int last = 0;
    float best = Float.NEGATIVE_INFINITY;
    for (int tag = 0; tag < t; tag++) {
      if (NerTags.mayEnd(tag) && score[tag] > best) {
        best = score[tag];
        last = tag;
      }
    }
    int[] out = new int[n];
    out[n - 1] = last;
    for (int i = n - 1; i > 0; i--) {
      out[i - 1] = back[i * t + out[i]];
    }
    return out;
  }
}
