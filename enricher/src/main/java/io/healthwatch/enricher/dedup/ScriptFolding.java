package io.healthwatch.enricher.dedup;

import com.github.houbb.opencc4j.support.data.impl.TSCharData;
import java.util.HashMap;
import java.util.Map;

/**
 * Traditional characters folded onto simplified ones, character by character, by OpenCC's table
 * (TSCharacters, through opencc4j): a Hong Kong or Taiwan reprint of a mainland story and the story
 * then share their words. Where OpenCC gives several simplified forms, the first (its preferred) is
 * taken; phrases are not converted, which dedup does not need: both copies fold alike.
 */
final class ScriptFolding {
  private static final Map<Integer, Integer> SIMPLIFIED = load();

  /**
   * The same for the Basic Multilingual Plane, read by index: every character of every article is
   * folded, and a boxed map lookup per character would cost as much as the rest of the story.
   */
  private static final int[] SIMPLIFIED_BMP = bmp(SIMPLIFIED);

  private ScriptFolding() {}

  /** The simplified form of a code point, or the code point itself. */
  static int fold(int codePoint) {
    if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      int simplified = SIMPLIFIED_BMP[codePoint];
      return simplified == 0 ? codePoint : simplified;
    }
    Integer simplified = SIMPLIFIED.get(codePoint);
    return simplified == null ? codePoint : simplified;
  }

  private static int[] bmp(Map<Integer, Integer> table) {
    int[] out = new int[Character.MIN_SUPPLEMENTARY_CODE_POINT];
    table.forEach(
        (traditional, simplified) -> {
          if (traditional < out.length) {
            out[traditional] = simplified;
          }
        });
    return out;
  }

  private static Map<Integer, Integer> load() {
    var table = new HashMap<Integer, Integer>();
    new TSCharData()
        .data()
        .getDataMap()
        .forEach(
            (traditional, simplified) -> {
              if (traditional.codePointCount(0, traditional.length()) == 1
                  && !simplified.isEmpty()
                  && simplified.get(0).codePointCount(0, simplified.get(0).length()) == 1) {
                table.put(traditional.codePointAt(0), simplified.get(0).codePointAt(0));
              }
            });
    if (table.isEmpty()) {
      throw new IllegalStateException("OpenCC's traditional-to-simplified table is empty");
    }
    return Map.copyOf(table);
  }
}
