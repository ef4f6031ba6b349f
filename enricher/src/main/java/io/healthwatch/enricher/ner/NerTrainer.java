package io.healthwatch.enricher.ner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link NerModel} as an averaged structured perceptron (Collins 2002): decode each
 * sentence with the current weights, move the weights of the gold path's features up and the
 * predicted path's down where they differ, and keep the average of all weight vectors seen, which
 * generalizes like a regularized model. Sentences are shuffled with a seeded generator and floats
 * are added in a fixed order, so the same data and settings give the same model, byte for byte.
 */
final class NerTrainer {
  /** One sentence: code points and their gold tags. */
  record Example(int[] text, int[] tags) {}

  private final NerTags tags;
  private final CharFeatures features;
  private final Viterbi viterbi;
  private final int t;
  private final float[] weights;
  private final float[] accumulated;
  private final float[] transitions;
  private final float[] accumulatedTransitions;
  private int steps = 1;

  NerTrainer(List<String> types, int bucketBits, WordList words) {
    this.tags = new NerTags(types);
    this.features = new CharFeatures(bucketBits, words);
    this.t = tags.count();
    this.viterbi = new Viterbi(t);
    this.weights = new float[(1 << bucketBits) * t];
    this.accumulated = new float[weights.length];
    this.transitions = new float[(t + 1) * t];
    this.accumulatedTransitions = new float[transitions.length];
  }

  NerModel train(List<Example> examples, int epochs, long seed, PrintStream progress) {
    var order = new ArrayList<Integer>();
    var buckets = new ArrayList<int[]>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
      buckets.add(features.of(examples.get(i).text()));
    }
    var random = new Random(seed);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      Collections.shuffle(order, random);
      int wrong = 0;
      for (int index : order) {
        Example example = examples.get(index);
        if (step(example, buckets.get(index))) {
          wrong++;
        }
        steps++;
      }
      if (progress != null) {
        progress.printf(
            "epoch %d/%d: %d of %d sentences mislabelled%n", epoch, epochs, wrong, examples.size());
      }
    }
    return averaged();
  }

  /** One perceptron step; whether the sentence was mislabelled. */
  private boolean step(Example example, int[] buckets) {
    int n = example.text().length;
    if (n == 0) {
      return false;
    }
    float[] emission = new float[n * t];
    for (int i = 0; i < n; i++) {
      int o = i * CharFeatures.PER_CHAR;
      for (int f = 0; f < CharFeatures.PER_CHAR; f++) {
        int row = buckets[o + f] * t;
        for (int tag = 0; tag < t; tag++) {
          emission[i * t + tag] += weights[row + tag];
        }
      }
    }
    int[] predicted = viterbi.best(emission, n, transitions);
    int[] gold = example.tags();
    boolean wrong = false;
    for (int i = 0; i < n; i++) {
      int previousGold = i == 0 ? t : gold[i - 1];
      int previousPredicted = i == 0 ? t : predicted[i - 1];
      if (gold[i] != predicted[i]) {
        wrong = true;
        int o = i * CharFeatures.PER_CHAR;
        for (int f = 0; f < CharFeatures.PER_CHAR; f++) {
          int row = buckets[o + f] * t;
          add(weights, accumulated, row + gold[i], 1);
          add(weights, accumulated, row + predicted[i], -1);
        }
      }
      if (gold[i] != predicted[i] || previousGold != previousPredicted) {
        add(transitions, accumulatedTransitions, previousGold * t + gold[i], 1);
        add(transitions, accumulatedTransitions, previousPredicted * t + predicted[i], -1);
      }
    }
    return wrong;
  }

  private void add(float[] w, float[] acc, int index, int delta) {
    w[index] += delta;
    acc[index] += (float) steps * delta;
  }

  /** The average weights, kept sparse: a bucket holds only the tags it has evidence for. */
  private NerModel averaged() {
    float c = steps;
    float[] average = new float[weights.length];
    int nonZero = 0;
    for (int k = 0; k < weights.length; k++) {
      average[k] = weights[k] - accumulated[k] / c;
      if (average[k] != 0f) {
        nonZero++;
      }
    }
    int buckets = weights.length / t;
    int[] rowStart = new int[buckets + 1];
    float max = 0;
    for (float w : average) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
    byte[] rowTags = new byte[nonZero];
    short[] rowWeights = new short[nonZero];
    int next = 0;
    for (int b = 0; b < buckets; b++) {
      for (int tag = 0; tag < t; tag++) {
        float w = average[b * t + tag];
        if (w != 0f) {
          rowTags[next] = (byte) tag;
          rowWeights[next++] = (short) Math.round(w / scale);
        }
      }
      rowStart[b + 1] = next;
    }
    float[] averageTransitions = new float[transitions.length];
    for (int k = 0; k < transitions.length; k++) {
      averageTransitions[k] = transitions[k] - accumulatedTransitions[k] / c;
    }
    return new NerModel(
        tags.types(),
        features.bucketBits(),
        features.words(),
        rowStart,
        rowTags,
        rowWeights,
        scale,
        averageTransitions);
  }
}
