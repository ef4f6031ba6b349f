package io.healthwatch.enricher.tag;

import java.util.List;
import java.util.Map;

/**
 * The grammar of Chinese institution names' ends: the institution word a name ends in gives its
 * type (医院 a hospital, 局 or 委员会 a government body, 公司 a company, 大学 or 协会 an organisation), and a
 * word for a kind of institution before it (互联网医院, 三甲医院) or nothing at all (医院, 中心) makes it no
 * name.
 */
final class InstitutionNames {
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

  /** "互联网医院", "三甲医院": the institution word after a word for a kind of institution. */
  static boolean isGeneric(String word) {
    String suffix = suffixOf(word);
    if (suffix == null) {
      return false;
    }
    String before = word.substring(0, word.length() - suffix.length());
    return before.isEmpty() || GENERIC_PREFIXES.contains(before);
  }

  /** The type of institution a name ends in, or null. */
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

  private static Map<String, String> orderedMap(String... pairs) {
    var map = new java.util.LinkedHashMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  private InstitutionNames() {}
}
