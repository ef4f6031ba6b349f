package io.healthwatch.crawler.extract;

import io.healthwatch.crawler.date.DateParser;
import io.healthwatch.crawler.source.Source;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A source's CSS selectors applied over the generic extraction: a field whose selector matches text
 * takes that text; a selector that matches nothing leaves the generic result, so a redesign of the
 * site degrades to the generic extractor instead of to nothing.
 */
public final class SelectorOverrides {
  private final DateParser dates;

  public SelectorOverrides(ZoneId zone) {
    this.dates = new DateParser(zone);
  }

  public Extraction apply(Extraction generic, Document page, Source.Selectors selectors) {
    if (selectors == null) {
      return generic;
    }
    String title = text(page, selectors.title(), generic.title());
    String source = text(page, selectors.source(), generic.source());
    String author = text(page, selectors.author(), generic.author());
    String body = body(page, selectors.body(), generic.body());
    OffsetDateTime published = generic.publishedAt();
    DateEvidence evidence = generic.dateEvidence();
    if (selectors.date() != null) {
      Element date = page.selectFirst(selectors.date());
      if (date != null) {
        String value =
            date.hasAttr("datetime")
                ? date.attr("datetime")
                : date.hasAttr("content") ? date.attr("content") : date.text();
        var selected = dates.parseValue(value);
        if (selected.isPresent()) {
          published = selected.get();
          evidence = DateEvidence.METADATA;
        }
      }
    }
    return new Extraction(title, published, evidence, source, author, body, generic.canonicalUrl());
  }

  private static String text(Document page, String selector, String fallback) {
    if (selector == null) {
      return fallback;
    }
    Element element = page.selectFirst(selector);
    String text = element == null ? "" : BlockText.normalize(element.text());
    return text.isEmpty() ? fallback : text;
  }

  private static String body(Document page, String selector, String fallback) {
    if (selector == null) {
      return fallback;
    }
    var content = new ArrayList<>(page.select(selector));
    if (content.isEmpty()) {
      return fallback;
    }
    var paragraphs = BlockText.paragraphs(content, new NodeStats(page.body()));
    return paragraphs.isEmpty() ? fallback : String.join("\n\n", paragraphs);
  }
}
