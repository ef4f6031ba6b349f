package io.healthwatch.benchmarks;

import io.healthwatch.contracts.calendar.ChinaTime;
import io.healthwatch.crawler.extract.ArticleExtractor;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

/** The extractors measured side by side, all on the same decoded pages. */
final class Extractors {
  /**
   * What an extractor returned for a page; a field is null when it has none.
   *
   * @param dateFrom where the date was read (healthwatch's DateEvidence), null when not said
   */
  record Result(String title, String publishedAt, String dateFrom, String body) {
    Result(String title, String publishedAt, String body) {
      this(title, publishedAt, null, body);
    }
  }

  /** One extractor under measurement. */
  interface Candidate {
    String name();

    Result extract(GoldPage page);
  }

  private Extractors() {}

  static Candidate healthwatch() {
    var extractor = new ArticleExtractor(ChinaTime.ZONE);
    return new Candidate() {
      @Override
      public String name() {
        return "healthwatch";
      }

      @Override
      public Result extract(GoldPage page) {
        var e = extractor.extract(Jsoup.parse(page.html(), page.url()));
        return new Result(
            e.title(),
            e.publishedAt() == null ? null : e.publishedAt().toString(),
            e.dateEvidence() == null ? null : e.dateEvidence().name(),
            e.body());
      }
    };
  }

  static Candidate readability4j() {
    return new Candidate() {
      @Override
      public String name() {
        return "readability4j";
      }

      @Override
      public Result extract(GoldPage page) {
        var article = new Readability4J(page.url(), page.html()).parse();
        return new Result(article.getTitle(), null, article.getTextContent());
      }
    };
  }

  /** The floor: a bare parse of the page, no extraction at all. */
  static Candidate bareParse() {
    return new Candidate() {
      @Override
      public String name() {
        return "jsoup-parse";
      }

      @Override
      public Result extract(GoldPage page) {
        return new Result(null, null, Jsoup.parse(page.html(), page.url()).title());
      }
    };
  }
}
