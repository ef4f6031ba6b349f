package io.healthwatch.crawler.extract;

import io.healthwatch.contracts.message.ArticleIds;
import io.healthwatch.contracts.message.DiscoveredArticle;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.fetch.FetchException;
import io.healthwatch.crawler.fetch.PageDecoder;
import io.healthwatch.crawler.source.Source;
import io.healthwatch.crawler.url.UrlCanonicalizer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * An article page's bytes to the article the crawler publishes: decoded (the source's charset when
 * it lies, else header, meta, BOM, sniffing), extracted (the source's selectors over the generic
 * extractor), with what the feed said as a fallback for the title and time. One path for the
 * crawler, {@code ./healthwatch reextract} and the tools.
 */
public final class ArticlePage {
  private final java.util.Map<ZoneId, ArticleExtractor> extractors =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<ZoneId, SelectorOverrides> overrides =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Pages are read in each source's zone ({@code Source.zone}). */
  public ArticlePage() {}

  /** The article and the hash that tells an edit from a re-read of the same text. */
  public record Result(DiscoveredArticle article, String contentHash) {}

  /**
   * @param finalUrl where the page was answered from
   * @param hintTitle, hintPublishedAt what a feed said of it, or null
   * @throws FetchException EXTRACTION_FAILED when the page holds no article
   */
  public Result read(
      Source source,
      byte[] body,
      String headerCharset,
      String finalUrl,
      String hintTitle,
      OffsetDateTime hintPublishedAt,
      Instant fetchedAt)
      throws FetchException {
    if (!PageDecoder.looksLikeText(body)) {
      throw FetchException.permanent(ReasonCode.NOT_HTML, finalUrl, "binary content, not a page");
    }
    ZoneId zone = source.zone();
    var extractor = extractors.computeIfAbsent(zone, ArticleExtractor::new);
    var selectors = overrides.computeIfAbsent(zone, SelectorOverrides::new);
    String html =
        source.charset() != null
            ? new String(body, Charset.forName(source.charset()))
            : PageDecoder.decode(body, headerCharset);
    Document document = Jsoup.parse(html, finalUrl);
    Extraction extraction =
        selectors.apply(extractor.extract(document, fetchedAt), document, source.selectors());
    String title = extraction.title() != null ? extraction.title() : hintTitle;
    if (title == null || extraction.body() == null) {
      throw FetchException.permanent(
          ReasonCode.EXTRACTION_FAILED,
          finalUrl,
          "no article found in the page (" + (title == null ? "no title" : "no body text") + ")");
    }
    String canonical =
        extraction.canonicalUrl() != null
            ? extraction.canonicalUrl()
            : UrlCanonicalizer.canonicalize(finalUrl).orElse(finalUrl);
    OffsetDateTime published =
        PublishTime.choose(extraction.publishedAt(), extraction.dateEvidence(), hintPublishedAt);
    var article =
        new DiscoveredArticle(
            DiscoveredArticle.SCHEMA_VERSION,
            ArticleIds.forCanonicalUrl(canonical),
            canonical,
            finalUrl,
            source.id(),
            extraction.source() != null ? extraction.source() : source.name(),
            title,
            published,
            extraction.author(),
            extraction.body(),
            fetchedAt);
    return new Result(article, contentHash(article));
  }

  /**
   * What must change for a re-read to be an update: the canonical address, title, time, source,
   * author or body.
   */
  static String contentHash(DiscoveredArticle article) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (Object field :
          new Object[] {
            article.canonicalUrl(),
            article.title(),
            article.publishedAt(),
            article.sourceName(),
            article.author(),
            article.body()
          }) {
        digest.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
