package io.healthwatch.enricher.ner;

import java.util.ArrayList;

/** The best well-formed BIOES path through per-character tag scores, for model and trainer. */
final class Viterbi {
  private final int tagCount;
  // The allowed previous tags of every next tag, flattened: those of tag k are
  // previous[first[k], first[k + 1]). BIOES allows few pairs, and one flat array is read in order
  // (an array per tag cost a quarter more time; a branch-free maximum with backpointers recomputed
  // along the path cost more still on Java 17).
  private final int[] first;
  private final int[] previous;

  Viterbi(int tagCount) {
    this.tagCount = tagCount;
    var allowed = new ArrayList<Integer>();
    this.first = new int[tagCount + 1];
    for (int next = 0; next < tagCount; next++) {
      for (int previous = 0; previous < tagCount; previous++) {
        if (NerTags.allowed(previous, next)) {
          allowed.add(previous);
        }
      }
      first[next + 1] = allowed.size();
    }
    this.previous = allowed.stream().mapToInt(Integer::intValue).toArray();
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
    // The allowed transitions' scores in the order the loop below reads them.
    float[] allowedScores = new float[previous.length];
    for (int next = 0; next < t; next++) {
      for (int j = first[next]; j < first[next + 1]; j++) {
        allowedScores[j] = transitions[previous[j] * t + next];
      }
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
        for (int j = first[next], end = first[next + 1]; j < end; j++) {
          float s = score[previous[j]] + allowedScores[j];
          if (s > best) {
            best = s;
            arg = previous[j];
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
