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

  private ScriptFolding() {}

  /** The simplified form of a code point, or the code point itself. */
  static int fold(int codePoint) {
    if (codePoint < 0x2E80) {
      return codePoint; // below the CJK radicals: nothing to fold
    }
    Integer simplified = SIMPLIFIED.get(codePoint);
    return simplified == null ? codePoint : simplified;
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
