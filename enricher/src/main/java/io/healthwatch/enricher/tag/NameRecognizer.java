package io.healthwatch.enricher.tag;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names of people, places and organisations beyond the lexicon: HanLP's recognizers (HMM role
 * tagging over its core dictionary) find the pieces, and the grammar of Chinese institution names
 * joins them: a run of place, organisation and modifier words ending in an institution word
 * ("昆明/医科大学/第一/附属医院" is one hospital, "北京市/海淀区" one place). The type comes from the last word: 医院 a
 * hospital, 局 or 委员会 a government body, 公司 a company, 大学 or 协会 an organisation.
 */
final class NameRecognizer implements Recognizer {
  /** Institution words by type, longest first where one ends another. */
  private static final Map<String, String> SUFFIX_TYPES =
      orderedMap(
          "卫生服务中心", "HOSPITAL",
          "妇幼保健院", "HOSPITAL",
          "医学中心", "HOSPITAL",
          "保健院", "HOSPITAL",
          "卫生院", "HOSPITAL",
          "中医院", "HOSPITAL",
          "医院", "HOSPITAL",
          "专业委员会", "ORGANIZATION",
          "人民政府", "GOVERNMENT",
          "卫生健康委员会", "GOVERNMENT",
          "卫生健康委", "GOVERNMENT",
          "卫健委", "GOVERNMENT",
          "委员会", "GOVERNMENT",
          "政府", "GOVERNMENT",
          "法院", "GOVERNMENT",
          "检察院", "GOVERNMENT",
          "管理局", "GOVERNMENT",
          "局", "GOVERNMENT",
          "厅", "GOVERNMENT",
          "委", "GOVERNMENT",
          "股份有限公司", "COMPANY",
          "有限公司", "COMPANY",
          "公司", "COMPANY",
          "集团", "COMPANY",
          "银行", "COMPANY",
          "研究院", "ORGANIZATION",
          "研究所", "ORGANIZATION",
          "研究中心", "ORGANIZATION",
          "医学院", "ORGANIZATION",
          "工程院", "ORGANIZATION",
          "科学院", "ORGANIZATION",
          "大学", "ORGANIZATION",
          "学院", "ORGANIZATION",
          "学校", "ORGANIZATION",
          "中心", "ORGANIZATION",
          "协会", "ORGANIZATION",
          "学会", "ORGANIZATION",
          "联盟", "ORGANIZATION",
          "基金会", "ORGANIZATION",
          "组织", "ORGANIZATION",
          "青年报", "ORGANIZATION",
          "日报", "ORGANIZATION",
          "晚报", "ORGANIZATION",
          "部", "GOVERNMENT",
          "实验室", "ORGANIZATION",
          "电视台", "ORGANIZATION",
          "出版社", "ORGANIZATION");

  /** Kinds of institution, not names of one: 互联网医院, 三甲医院, 社区卫生服务中心. */
  private static final List<String> GENERIC_PREFIXES =
      List.of(
          "互联网", "智慧", "数字", "实体", "公立", "民营", "私立", "三甲", "三级", "二级", "一级", "基层", "定点", "各级", "地方",
          "大型", "综合", "专科", "社区", "乡镇", "县级", "市级", "省级", "当地", "该", "本", "各", "此", "其", "这家", "一家",
          "多家");

  /** Institution words that name an institution by themselves (see NameFilters). */
  private static final java.util.Set<String> STRONG_SUFFIXES =
      java.util.Set.of(
          "大学", "学院", "医学院", "研究院", "研究所", "协会", "学会", "工程院", "科学院", "组织", "基金会", "有限公司", "股份有限公司",
          "集团");

  private static final java.util.Set<String> MODIFIER_NATURES =
      java.util.Set.of(
          "n", "nnd", "vn", "b", "gm", "gi", "an", "a", "ng", "nf", "nm", "nmc", "gb", "gc", "gg",
          "gp", "nh", "nhd", "nhm", "nis", "nit", "nic");

  /** How many words an institution name may span. */
  private static final int MAX_NAME_WORDS = 8;

  private final Segment segment =
      HanLP.newSegment()
          .enableNameRecognize(true)
          .enablePlaceRecognize(true)
          .enableOrganizationRecognize(true)
          .enableOffset(true);

  @Override
  public List<Span> recognize(String text) {
    List<Term> terms = segment.seg(text);
    var spans = new ArrayList<Span>();
    for (int i = 0; i < terms.size(); i++) {
      Term term = terms.get(i);
      String single = singleType(term);
      if (single != null
          && term.word.length() >= 2
          && !isKindOrCount(single, term.word)
          && NameFilters.plausible(single, text, term.offset, term.offset + term.word.length())) {
        spans.add(
            span(single, term.offset, term.offset + term.word.length(), text, Span.RECOGNIZED));
      }
      String institution = institutionType(term.word);
      if (institution != null && !isGeneric(term.word)) {
        int first = firstOfName(terms, i);
        boolean kind = i > 0 && first < i && GENERIC_PREFIXES.contains(terms.get(i - 1).word);
        boolean named =
            first >= 0
                && !kind
                && NameFilters.plausibleStart(terms.get(first).word)
                && (first < i
                    || NameFilters.plausibleInstitution(
                        term.word, STRONG_SUFFIXES.contains(suffixOf(term.word))));
        if (named) {
          int start = terms.get(first).offset;
          spans.add(span(institution, start, term.offset + term.word.length(), text, Span.PATTERN));
        }
      }
    }
    joinPlaces(terms, text, spans);
    return spans;
  }

  /**
   * "互联网医院" (a kind of hospital), "一场" (a count the recognizer took for an organisation; places and
   * people may start with a numeral: 三亚, 十堰).
   */
  private static boolean isKindOrCount(String type, String word) {
    if (institutionType(word) != null && isGeneric(word)) {
      return true;
    }
    boolean named = type.equals("PERSON") || type.equals("PLACE");
    return !named && "一二三四五六七八九十两几".indexOf(word.charAt(0)) >= 0;
  }

  /** "互联网医院", "三甲医院": the institution word after a word for a kind of institution. */
  static boolean isGeneric(String word) {
    String before = word.substring(0, word.length() - suffixOf(word).length());
    return GENERIC_PREFIXES.contains(before);
  }

  /** The type HanLP's own tag gives a single word, or null. */
  private static String singleType(Term term) {
    Nature n = term.nature;
    if (n == Nature.nr || n == Nature.nrf || n == Nature.nrj) {
      return "PERSON";
    }
    if (n == Nature.ns || n == Nature.nsf) {
      return "PLACE";
    }
    if (n == Nature.ntc || n == Nature.ntcf || n == Nature.ntcb) {
      return "COMPANY";
    }
    if (n == Nature.nth || n == Nature.ntch) {
      return "HOSPITAL";
    }
    if (n == Nature.nt || n == Nature.nto || n == Nature.ntu || n == Nature.nts) {
      return n == Nature.nto ? "GOVERNMENT" : "ORGANIZATION";
    }
    return null;
  }

  /**
   * Walks left from an institution word over the words a name is made of, to its leftmost proper
   * word (a place, an organisation, a name); -1 when there is none: "该医院" names no hospital.
   */
  private static int firstOfName(List<Term> terms, int last) {
    int first = isProper(terms.get(last)) ? last : -1;
    for (int j = last - 1; j >= 0 && last - j < MAX_NAME_WORDS; j--) {
      Term term = terms.get(j);
      if (isProper(term)) {
        first = j;
      } else if (!isModifier(term) && !isNumbered(term)) {
        break;
      }
    }
    return first;
  }

  private static boolean isProper(Term term) {
    String n = term.nature.toString();
    return n.startsWith("ns")
        || n.startsWith("nt")
        || n.startsWith("nr")
        || n.equals("nz")
        || n.equals("j");
  }

  /**
   * Words that may stand inside a name: 第一, 附属, 人民, 中医药, 卫生, 健康, and the generic institution words
   * HanLP tags apart (医科大学/nis, 附属医院/nit).
   */
  private static boolean isModifier(Term term) {
    return MODIFIER_NATURES.contains(term.nature.toString());
  }

  private static boolean isNumbered(Term term) {
    return term.nature == Nature.mq || term.word.startsWith("第");
  }

  /** Consecutive places are one place: 北京市/海淀区/中关村. */
  private static void joinPlaces(List<Term> terms, String text, List<Span> spans) {
    int i = 0;
    while (i < terms.size()) {
      int j = i;
      while (j < terms.size() && isPlace(terms.get(j))) {
        j++;
      }
      if (j - i >= 2) {
        Term last = terms.get(j - 1);
        spans.add(
            span(
                "PLACE",
                terms.get(i).offset,
                last.offset + last.word.length(),
                text,
                Span.PATTERN));
      }
      i = Math.max(j, i + 1);
    }
  }

  private static boolean isPlace(Term term) {
    return term.nature == Nature.ns || term.nature == Nature.nsf;
  }

  static String institutionType(String word) {
    String suffix = suffixOf(word);
    if (suffix == null) {
      return null;
    }
    // One-character institution words end common two-character words too (布局, 展厅, 编委): the
    // word must be the character alone or longer than two (医保局, 卫健委, 办公厅).
    if (suffix.length() == 1 && word.length() == 2) {
      return null;
    }
    return SUFFIX_TYPES.get(suffix);
  }

  private static String suffixOf(String word) {
    for (String suffix : SUFFIX_TYPES.keySet()) {
      if (word.endsWith(suffix)) {
        return suffix;
      }
    }
    return null;
  }

  private static Span span(String type, int start, int end, String text, int rank) {
    return new Span(type, start, end, text.substring(start, end), rank);
  }

  private static Map<String, String> orderedMap(String... pairs) {
    var map = new java.util.LinkedHashMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
