package io.healthwatch.enricher.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained character labeller: sparse emission weights per feature bucket (only the tags a bucket
 * has evidence for), tag-to-tag transition weights, and Viterbi decoding constrained to well-formed
 * BIOES sequences. Immutable and safe to share between threads.
 */
public final class NerModel {
  /** The file format; a model of another version is refused at load. */
  static final int FORMAT = 3;

  private static final int MAGIC = 0x484e4552; // "HNER"

  private final NerTags tags;
  private final CharFeatures features;
  private final int[] rowStart;
  // One int per weight: the tag in the high half, the weight in 16-bit fixed point in the low
  // half, so a bucket's row is one contiguous read (two arrays cost a second cache miss each).
  private final int[] rows;
  private final float scale;
  // The few-valued templates' weights summed per value at load, dense: [window * T + tag] holds
  // the bias and both class windows, [word template][code * T + tag] each word template.
  private final float[] windowWeights;
  private final float[][] wordWeights;
  private final float[] transitions; // [previous * T + next]; previous = T stands for the start
  private final Viterbi viterbi;

  NerModel(
      List<String> types,
      int bucketBits,
      WordList words,
      int[] rowStart,
      byte[] rowTags,
      short[] rowWeights,
      float scale,
      float[] transitions) {
    this.tags = new NerTags(types);
    this.features = new CharFeatures(bucketBits, words);
    this.rowStart = rowStart;
    this.rows = new int[rowTags.length];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = rowTags[k] << 16 | rowWeights[k] & 0xffff;
    }
    this.scale = scale;
    int t = tags.count();
    this.windowWeights = new float[CharFeatures.WINDOWS * t];
    for (int w = 0; w < CharFeatures.WINDOWS; w++) {
      for (int bucket : features.windowBuckets(w)) {
        addRow(bucket, windowWeights, w * t);
      }
    }
    this.wordWeights = new float[CharFeatures.WORD_TEMPLATES.length][WordList.CODES * t];
    for (int k = 0; k < wordWeights.length; k++) {
      for (int code = 0; code < WordList.CODES; code++) {
        addRow(features.wordBucket(k, code), wordWeights[k], code * t);
      }
    }
    this.transitions = transitions;
    this.viterbi = new Viterbi(tags.count());
  }

  public List<String> types() {
    return tags.types();
  }

  /** A found name: code point offsets, end exclusive, and its type's index in {@link #types}. */
  public record Entity(int start, int end, int type) {}

  private void addRow(int bucket, float[] target, int offset) {
    for (int k = rowStart[bucket]; k < rowStart[bucket + 1]; k++) {
      target[offset + (rows[k] >>> 16)] += (short) rows[k] * scale;
    }
  }

  /** The names in a text, as code points. */
  public List<Entity> entities(int[] text) {
    return spans(label(text));
  }

  /**
   * Where the text's words begin and end, by the model's word list: {@code result[i]} is whether a
   * word boundary lies before code point {@code i} (0 to the length).
   */
  public boolean[] wordBoundaries(int[] text) {
    return features.words().boundaries(text);
  }

  /**
   * The places of the word list that are whole words of the text's segmentation ({@code
   * boundaries}, as {@link #wordBoundaries} gives them), as entities of type {@code placeType}: 北京,
   * 伊拉克, 长江.
   */
  public List<Entity> listedPlaces(int[] text, boolean[] boundaries, int placeType) {
    var places = new ArrayList<Entity>();
    int start = 0;
    for (int end = 1; end <= text.length; end++) {
      if (boundaries[end]) {
        if (end - start >= 2 && features.words().wordClass(text, start, end) == WordList.PLACE) {
          places.add(new Entity(start, end, placeType));
        }
        start = end;
      }
    }
    return places;
  }

  /** The best well-formed tag sequence for the text. */
  int[] label(int[] text) {
    return viterbi.best(emission(text), text.length, transitions);
  }

  /** Every character's score of every tag, position-major: the sum of its features' weights. */
  float[] emission(int[] text) {
    int n = text.length;
    int t = tags.count();
    CharFeatures.Encoded encoded = features.encode(text);
    int[] sparse = encoded.sparse();
    int[][] codes = {encoded.begins(), encoded.ends(), encoded.inside()};
    int[] sums = new int[t];
    int[] from = new int[CharFeatures.SPARSE];
    int[] to = new int[CharFeatures.SPARSE];
    float[] emission = new float[n * t];
    for (int i = 0; i < n; i++) {
      int e = i * t;
      System.arraycopy(windowWeights, encoded.windows()[i] * t, emission, e, t);
      for (int k = 0; k < codes.length; k++) {
        float[] dense = wordWeights[k];
        int row = codes[k][i] * t;
        for (int tag = 0; tag < t; tag++) {
          emission[e + tag] += dense[row + tag];
        }
      }
      // All row bounds first: independent reads the processor overlaps, where reading each row
      // right after its bound waits for one cache miss at a time.
      int o = i * CharFeatures.SPARSE;
      for (int f = 0; f < CharFeatures.SPARSE; f++) {
        int bucket = sparse[o + f];
        from[f] = rowStart[bucket];
        to[f] = rowStart[bucket + 1];
      }
      java.util.Arrays.fill(sums, 0);
      for (int f = 0; f < CharFeatures.SPARSE; f++) {
        for (int k = from[f]; k < to[f]; k++) {
          int packed = rows[k];
          sums[packed >>> 16] += (short) packed;
        }
      }
      for (int tag = 0; tag < t; tag++) {
        emission[e + tag] += sums[tag] * scale;
      }
    }
    return emission;
  }

  /** One feature bucket's weight for a tag (0 where the bucket has none). */
  float weight(int bucket, int tag) {
    for (int k = rowStart[bucket]; k < rowStart[bucket + 1]; k++) {
      if (rows[k] >>> 16 == tag) {
        return (short) rows[k] * scale;
      }
    }
    return 0;
  }

  /** The features the model reads, for tests that check the dense sums against the buckets. */
  CharFeatures features() {
    return features;
  }

  int tagCount() {
    return tags.count();
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

  /** Writes the model; weights are 16-bit fixed point with one scale, which keeps it a few MB. */
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
        out.writeByte(word.getValue().klass());
        out.writeInt(word.getValue().frequency());
      }
      out.writeInt(transitions.length);
      for (float w : transitions) {
        out.writeFloat(w);
      }
      out.writeFloat(scale);
      out.writeInt(rows.length);
      int buckets = rowStart.length - 1;
      for (int b = 0; b < buckets; b++) {
        out.writeByte(rowStart[b + 1] - rowStart[b]);
      }
      for (int packed : rows) {
        out.writeByte(packed >>> 16);
      }
      for (int packed : rows) {
        out.writeShort((short) packed);
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
      var words = new ArrayList<Map.Entry<String, WordList.Word>>(wordCount);
      for (int i = 0; i < wordCount; i++) {
        String word = in.readUTF();
        int klass = in.readByte();
        words.add(Map.entry(word, new WordList.Word(klass, in.readInt())));
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
      short[] rowWeights = new short[nonZero];
      for (int i = 0; i < nonZero; i++) {
        rowWeights[i] = in.readShort();
      }
      return new NerModel(
          types,
          bucketBits,
          new WordList(words),
          rowStart,
          rowTags,
          rowWeights,
          scale,
          transitions);
    }
  }
}
