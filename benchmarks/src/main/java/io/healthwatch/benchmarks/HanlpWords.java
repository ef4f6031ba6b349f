package io.healthwatch.benchmarks;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * {@code scripts/export-words [FILE]}: writes HanLP's core dictionary (portable 1.8.6, Apache-2.0)
 * as {@code word TAB part-of-speech TAB frequency} lines, gzipped: the word list the NER labeller
 * is trained with (enricher/ner/). HanLP keeps the words only in a double-array trie, which has no
 * enumeration, so the trie is walked: a child of the state with base b on character c sits at b + c
 * + 1 with check b; a word ends where the slot at b itself has check b and a negative base.
 */
public final class HanlpWords {
  private HanlpWords() {}

  public static void main(String[] args) throws Exception {
    write(Path.of(args.length > 0 ? args[0] : "enricher/ner/hanlp-core-words.tsv.gz"));
  }

  static void write(Path file) throws IOException, ReflectiveOperationException {
    DoubleArrayTrie<CoreDictionary.Attribute> trie = CoreDictionary.trie;
    int[] check = (int[]) field("check").get(trie);
    int[] base = (int[]) field("base").get(trie);
    Object[] values = (Object[]) field("v").get(trie);
    Map<Integer, List<Integer>> children = new HashMap<>();
    for (int i = 1; i < check.length; i++) {
      if (check[i] > 0) {
        children.computeIfAbsent(check[i], k -> new ArrayList<>()).add(i);
      }
    }
    var words = new TreeMap<String, String>();
    walk(base[0], new StringBuilder(), check, base, values, children, words);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer out =
        new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
      for (var word : words.entrySet()) {
        out.write(word.getKey() + "\t" + word.getValue() + "\n");
      }
    }
    System.out.printf("%,d words of %,d written to %s%n", words.size(), trie.size(), file);
  }

  private static void walk(
      int b,
      StringBuilder prefix,
      int[] check,
      int[] base,
      Object[] values,
      Map<Integer, List<Integer>> children,
      Map<String, String> words) {
    if (prefix.length() > 16) {
      return;
    }
    // 未##人, 始##始 ...: HanLP's stand-ins for classes of unknown words and the sentence ends, no
    // words of a text; their frequencies (millions) would swamp the segmentation's costs.
    if (b >= 0
        && b < check.length
        && check[b] == b
        && base[b] < 0
        && prefix.length() > 0
        && prefix.indexOf("##") < 0) {
      var attribute = (CoreDictionary.Attribute) values[-base[b] - 1];
      words.put(
          prefix.toString(), attribute.nature[0] + "\t" + Math.max(1, attribute.totalFrequency));
    }
    for (int child : children.getOrDefault(b, List.of())) {
      int c = child - b - 1;
      if (child == b || c <= 0 || c > Character.MAX_VALUE) {
        continue;
      }
      prefix.append((char) c);
      walk(base[child], prefix, check, base, values, children, words);
      prefix.setLength(prefix.length() - 1);
    }
  }

  private static Field field(String name) throws NoSuchFieldException {
    Field field = DoubleArrayTrie.class.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
