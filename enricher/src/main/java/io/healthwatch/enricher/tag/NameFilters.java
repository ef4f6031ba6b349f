package io.healthwatch.enricher.tag;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;

/**
 * What the statistical recognizer's guesses must look like to be kept. HanLP's HMM role tagging
 * reads "两万余项" as a person 余项 and "医疗机构" as an organisation; news text is full of such readings, so
 * a guess that is not in the dictionary must have the shape of a name: a person's begins with a
 * common surname and has no function character in it, a place ends in a place word, and an
 * organisation the recognizer invented alone (not built by the institution-name grammar) is not
 * kept at all.
 */
final class NameFilters {
  /** The common Chinese surnames (single-character), covering the great majority of people. */
  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
          + "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
          + "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
          + "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
          + "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
          + "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

  /** Characters that end or join words, hardly ever part of a given name. */
  private static final String FUNCTION_CHARACTERS =
      "就说外选聚区库比养余项台管次键能自都的了是在与及等把被让给从对也还很又才再些么吗呢吧啊着过们个内得地所以而且或将为由此其该有总";

  /** What a sentence's word may start with that no name starts with: 将省, 为医院, 对医疗卫生机构. */
  private static final String LEADING_FUNCTION_CHARACTERS = "将在从为对把被由向到于与和及以让给该此其各每";

  /** Characters a place name ends in. */
  private static final String PLACE_ENDINGS = "省市区县镇乡村州旗盟岛山河湖江海湾峡路街道港口洲国";

  private static final String NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两几";

  private NameFilters() {}

  /** Whether a guess of the given type over {@code text[start, end)} has the shape of a name. */
  static boolean plausible(String type, String text, int start, int end) {
    String word = text.substring(start, end);
    // Not for people: 于, 向 and 和 are surnames too.
    if (!type.equals("PERSON") && LEADING_FUNCTION_CHARACTERS.indexOf(word.charAt(0)) >= 0) {
      return false;
    }
    return switch (type) {
      case "PERSON" -> plausiblePerson(text, start, word);
      case "PLACE" ->
          known(word, "ns") || PLACE_ENDINGS.indexOf(word.charAt(word.length() - 1)) >= 0;
      default -> known(word, "nt");
    };
  }

  /**
   * Whether one word the recognizer took for an institution names one: known to the dictionary as
   * an organisation, or starting with a known place (浙江省卒中协会, 美国麻省总医院); "大医院", "保障医院" and "新一代数据中心"
   * do not.
   */
  static boolean plausibleInstitution(String word, boolean strongSuffix) {
    if (known(word, "nt")) {
      return true;
    }
    // "宾夕法尼亚大学", "卡罗林斯卡医学院": words such as 大学 and 协会 name an institution by
    // themselves, 医院 and 中心 only after a place ("保障医院", "新一代数据中心" name none).
    if (strongSuffix) {
      return true;
    }
    for (int length = Math.min(6, word.length() - 1); length >= 2; length--) {
      if (known(word.substring(0, length), "ns")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a span the institution-name grammar built starts where a name can. */
  static boolean plausibleStart(String word) {
    return LEADING_FUNCTION_CHARACTERS.indexOf(word.charAt(0)) < 0;
  }

  private static boolean plausiblePerson(String text, int start, String word) {
    if (known(word, "nr")) {
      return true;
    }
    // "两万余项", "100余人": a count, not a person called 余.
    if (start > 0 && NUMERALS.indexOf(text.charAt(start - 1)) >= 0) {
      return false;
    }
    if (word.length() < 2 || word.length() > 4 || SURNAMES.indexOf(word.charAt(0)) < 0) {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      char c = word.charAt(i);
      if (FUNCTION_CHARACTERS.indexOf(c) >= 0 || NUMERALS.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether HanLP's core dictionary lists the word with a nature of this family. */
  private static boolean known(String word, String naturePrefix) {
    CoreDictionary.Attribute attribute = CoreDictionary.get(word);
    if (attribute == null) {
      return false;
    }
    for (Nature nature : attribute.nature) {
      if (nature.toString().startsWith(naturePrefix)) {
        return true;
      }
    }
    return false;
  }
}
