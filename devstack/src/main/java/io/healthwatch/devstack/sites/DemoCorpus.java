package io.healthwatch.devstack.sites;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.healthwatch.contracts.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The articles the demo sites serve: the nine articles of the three seed reports (issues 575, 576
 * and 630) and distractors a real crawl meets: a reprint, unrelated news, articles outside the
 * weeks, a broken page and a dead link.
 */
public record DemoCorpus(List<Outlet> outlets, List<Article> articles) {

  /** A news site: one local host each. */
  public record Outlet(
      String id, String name, String domain, String feed, String charset, String layout) {}

  /**
   * One page of an outlet.
   *
   * @param kind seed, reprint, sports, finance, out-of-window, broken or missing
   * @param issue the seed report's issue number, for seed articles
   * @param link the article's public address, kept as the page's canonical link
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Article(
      String id,
      String kind,
      Integer issue,
      String reprintOf,
      String outlet,
      String source,
      String title,
      String link,
      OffsetDateTime date,
      List<String> paragraphs) {

    /** Path and query of the public address: the local site serves the page at the same place. */
    public String localPath() {
      URI uri = URI.create(link);
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public boolean isSeed() {
      return "seed".equals(kind);
    }

    /** An article of a live site (no issue, no outlet of the demo), dated when it is published. */
    public static Article live(
        String id, String title, String link, OffsetDateTime date, List<String> paragraphs) {
      return new Article(id, "seed", null, null, "live", null, title, link, date, paragraphs);
    }
  }

  public static DemoCorpus load() {
    try (InputStream in = DemoCorpus.class.getResourceAsStream("/demo/corpus.json")) {
      return Json.mapper().readValue(in, DemoCorpus.class);
    } catch (IOException e) {
      throw new UncheckedIOException("bundled demo corpus is unreadable", e);
    }
  }

  public List<Article> articlesOf(String outletId) {
    return articles.stream().filter(a -> a.outlet().equals(outletId)).toList();
  }

  public List<Article> seedsOfIssue(int issue) {
    return articles.stream()
        .filter(a -> a.isSeed() && a.issue() != null && a.issue() == issue)
        .toList();
  }
}
