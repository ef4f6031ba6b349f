package io.healthwatch.cli;

import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.calendar.ChinaTime;
import io.healthwatch.crawler.extract.ArticleExtractor;
import io.healthwatch.crawler.fetch.PageDecoder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./healthwatch extract FILE.html [--url URL]}: the crawler's extraction of one page. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = "Print the article extracted from an HTML file as JSON.")
final class ExtractCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.html", description = "the page, in any charset")
  Path file;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "where the page came from (resolves relative links)")
  String url = "http://localhost/";

  @Override
  public Integer call() throws Exception {
    byte[] bytes = InputFiles.read(file);
    if (!PageDecoder.looksLikeText(bytes)) {
      throw new IllegalArgumentException(file + ": binary content, not a page");
    }
    var document = Jsoup.parse(PageDecoder.decode(bytes, null), url);
    var extraction = new ArticleExtractor(ChinaTime.ZONE).extract(document);
    if (extraction.body() == null && extraction.title() == null) {
      throw new IllegalArgumentException(file + ": no article found in the page");
    }
    var out = new LinkedHashMap<String, Object>();
    out.put("title", extraction.title());
    out.put(
        "publishedAt",
        extraction.publishedAt() == null ? null : extraction.publishedAt().toString());
    // So an operator sees whether a feed's date would win over this one (PublishTime).
    out.put(
        "dateFrom", extraction.dateEvidence() == null ? null : extraction.dateEvidence().name());
    out.put("source", extraction.source());
    out.put("author", extraction.author());
    out.put("body", extraction.body());
    out.put("canonicalUrl", extraction.canonicalUrl());
    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    return 0;
  }
}
