package io.healthwatch.enricher.tag;

import io.healthwatch.enricher.ner.NerModel;
import io.healthwatch.enricher.ner.NerModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names found by the project's trained character labeller ({@link NerModels#shipped}), typed for
 * the product: CLUENER's fine types map onto the enricher's (name → PERSON, address → PLACE,
 * company, government, organization as they are), an organisation whose name ends in a hospital
 * word (医院, 卫生院, 保健院 ...) is a HOSPITAL. Positions and works are left out (《》 titles are the
 * tagger's POLICY), and so are scenes: on health text what CLUENER's scene finds is mostly a ward,
 * a desk or a pharmacy (科室, 护士站, 药店). Kinds of institution (互联网医院, 三甲医院), a bare institution word
 * (中心) and one-character names are not names.
 *
 * <p>Places of the word list that are whole words of the text (北京, 伊拉克, 长江) are places too, below
 * the labeller's names (北京大学 stays one organisation): CLUENER's annotators leave most bare place
 * names unlabelled, so the labeller learned to, while People's Daily, most public Chinese sets and
 * the product's lexicon count them (bench ner: People's Daily 0.629 → 0.686, CLUENER 0.734 →
 * 0.710).
 */
final class ModelRecognizer {
  private static final Map<String, String> PRODUCT_TYPES =
      Map.of(
          "PERSON", "PERSON",
          "PLACE", "PLACE",
          "COMPANY", "COMPANY",
          "GOVERNMENT", "GOVERNMENT",
          "ORGANIZATION", "ORGANIZATION");

  /** The type number of a place of the word list, beyond the model's own. */
  private static final int LISTED_PLACE = -1;

  private final NerModel model;
  private final String[] typeOf;

  ModelRecognizer() {
    this(NerModels.shipped());
  }

  ModelRecognizer(NerModel model) {
    this.model = model;
    this.typeOf = model.types().toArray(String[]::new);
  }

  /** The enricher's type of a name the model typed so, or null when it is no name for us. */
  static String productType(String modelType, String name) {
    String type = PRODUCT_TYPES.get(modelType);
    if (type == null) {
      return null;
    }
    String institution = InstitutionNames.institutionType(name);
    if (institution != null && InstitutionNames.isGeneric(name)) {
      return null;
    }
    boolean organisation = !type.equals("PERSON") && !type.equals("PLACE");
    return organisation && "HOSPITAL".equals(institution) ? "HOSPITAL" : type;
  }

  /**
   * The names in a text, in its UTF-16 offsets.
   *
   * @param boundaries the text's word boundaries by code point ({@link NerModel#wordBoundaries}),
   *     which the tagger has for its relevance already
   */
  List<Span> recognize(String text, boolean[] boundaries) {
    int[] codePoints = text.codePoints().toArray();
    // Code point index -> UTF-16 offset (equal for text without supplementary characters).
    int[] offset = new int[codePoints.length + 1];
    for (int i = 0; i < codePoints.length; i++) {
      offset[i + 1] = offset[i] + Character.charCount(codePoints[i]);
    }
    var spans = new ArrayList<Span>();
    var found = new ArrayList<>(model.entities(codePoints));
    found.addAll(model.listedPlaces(codePoints, boundaries, LISTED_PLACE));
    for (NerModel.Entity entity : found) {
      if (entity.end() - entity.start() < 2) {
        continue;
      }
      int start = offset[entity.start()];
      int end = offset[entity.end()];
      // A name neither begins nor ends with a space or a mark (the labeller sometimes takes one
      // in).
      while (start < end && !Character.isLetterOrDigit(text.codePointAt(start))) {
        start += Character.charCount(text.codePointAt(start));
      }
      while (end > start && !Character.isLetterOrDigit(text.codePointBefore(end))) {
        end -= Character.charCount(text.codePointBefore(end));
      }
      if (text.codePointCount(start, end) < 2) {
        continue;
      }
      String name = text.substring(start, end);
      if (entity.type() == LISTED_PLACE) {
        spans.add(new Span("PLACE", start, end, name, Span.LISTED));
        continue;
      }
      String type = productType(typeOf[entity.type()], name);
      if (type != null) {
        spans.add(new Span(type, start, end, name, Span.RECOGNIZED));
      }
    }
    return spans;
  }
}
