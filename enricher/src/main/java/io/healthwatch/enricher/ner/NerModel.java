package io.healthwatch.enricher.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained character labeller: sparse emission weights per feature bucket (only the tags a bucket
 * has evidence for), tag-to-tag transition weights, and Viterbi decoding constrained to well-formed
 * BIOES sequences. Immutable and safe to share between threads.
 */
public final class NerModel {
  /** The file format; a model of another version is refused at load. */
  static final int FORMAT = 2;

  private static final int MAGIC = 0x484e4552; // "HNER"

  private final NerTags tags;
  private final CharFeatures features;
  private final int[] rowStart;
  private final byte[] rowTags;
  private final float[] rowWeights;
  private final float[] transitions; // [previous * T + next]; previous = T stands for the start
  private final Viterbi viterbi;

  NerModel(
      List<String> types,
      int bucketBits,
      WordList words,
      int[] rowStart,
      byte[] rowTags,
      float[] rowWeights,
      float[] transitions) {
    this.tags = new NerTags(types);
    this.features = new CharFeatures(bucketBits, words);
    this.rowStart = rowStart;
    this.rowTags = rowTags;
    this.rowWeights = rowWeights;
    this.transitions = transitions;
    this.viterbi = new Viterbi(tags.count());
  }

  public List<String> types() {
    return tags.types();
  }

  /** A found name: code point offsets, end exclusive, and its type's index in {@link #types}. */
  public record Entity(int start, int end, int type) {}

  /** The names in a text, as code points. */
  public List<Entity> entities(int[] text) {
    return spans(label(text));
  }

  /**
   * Whether the code points {@code text[start, end)} are part of a longer name of the model's word
   * list (云 in 云南), so no word of their own.
   */
  public boolean isInsideName(int[] text, int start, int end) {
    return features.words().insideName(text, start, end);
  }

  /** The best well-formed tag sequence for the text. */
  int[] label(int[] text) {
    int n = text.length;
    int t = tags.count();
    int[] buckets = features.of(text);
    float[] emission = new float[n * t];
    for (int i = 0; i < n; i++) {
      int o = i * CharFeatures.PER_CHAR;
      for (int f = 0; f < CharFeatures.PER_CHAR; f++) {
        int bucket = buckets[o + f];
        for (int k = rowStart[bucket]; k < rowStart[bucket + 1]; k++) {
          emission[i * t + rowTags[k]] += rowWeights[k];
        }
      }
    }
    return viterbi.best(emission, n, transitions);
  }

  /** The spans a well-formed tag sequence marks. */
  public static List<Entity> spans(int[] tags) {
    var out = new ArrayList<Entity>();
    int start = -1;
    for (int i = 0; i < tags.length; i++) {
      int tag = tags[i];
      if (tag == NerTags.OUTSIDE) {
        start = -1;
        continue;
      }
      int type = NerTags.typeOf(tag);
      if (tag == NerTags.single(type)) {
        out.add(new Entity(i, i + 1, type));
        start = -1;
      } else if (tag == NerTags.begin(type)) {
        start = i;
      } else if (tag == NerTags.end(type) && start >= 0) {
        out.add(new Entity(start, i + 1, type));
        start = -1;
      }
    }
    return out;
  }

  /** Writes the model; weights as 16-bit fixed point with one scale, which keeps it a few MB. */
  public void write(OutputStream target) throws IOException {
    try (var out = new DataOutputStream(new GZIPOutputStream(target))) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeInt(tags.types().size());
      for (String type : tags.types()) {
        out.writeUTF(type);
      }
      out.writeInt(features.bucketBits());
      var words = features.words().entries();
      out.writeInt(words.size());
      for (var word : words) {
        out.writeUTF(word.getKey());
        out.writeByte(word.getValue());
      }
      out.writeInt(transitions.length);
      for (float w : transitions) {
        out.writeFloat(w);
      }
      float max = 0;
      for (float w : rowWeights) {
        max = Math.max(max, Math.abs(w));
      }
      float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
      out.writeFloat(scale);
      out.writeInt(rowWeights.length);
      int buckets = rowStart.length - 1;
      for (int b = 0; b < buckets; b++) {
        out.writeByte(rowStart[b + 1] - rowStart[b]);
      }
      out.write(rowTags);
      for (float w : rowWeights) {
        out.writeShort(Math.round(w / scale));
      }
    }
  }

  /**
   * @throws IOException naming what is wrong when the bytes are no model of this format
   */
  public static NerModel read(InputStream source) throws IOException {
    try (var in = new DataInputStream(new GZIPInputStream(source))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a healthwatch NER model");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IOException(
            "NER model format "
                + format
                + ", this enricher reads format "
                + FORMAT
                + " (train it again: scripts/train-ner)");
      }
      int typeCount = in.readInt();
      var types = new ArrayList<String>();
      for (int i = 0; i < typeCount; i++) {
        types.add(in.readUTF());
      }
      int bucketBits = in.readInt();
      int wordCount = in.readInt();
      var words = new HashMap<String, Integer>(wordCount * 2);
      for (int i = 0; i < wordCount; i++) {
        words.put(in.readUTF(), (int) in.readByte());
      }
      float[] transitions = new float[in.readInt()];
      for (int i = 0; i < transitions.length; i++) {
        transitions[i] = in.readFloat();
      }
      float scale = in.readFloat();
      int nonZero = in.readInt();
      int buckets = 1 << bucketBits;
      int[] rowStart = new int[buckets + 1];
      for (int b = 0; b < buckets; b++) {
        rowStart[b + 1] = rowStart[b] + in.readUnsignedByte();
      }
      byte[] rowTags = new byte[nonZero];
      in.readFully(rowTags);
      float[] rowWeights = new float[nonZero];
      for (int i = 0; i < nonZero; i++) {
        rowWeights[i] = in.readShort() * scale;
      }
      return new NerModel(
          types, bucketBits, new WordList(words), rowStart, rowTags, rowWeights, transitions);
    }
  }
}
