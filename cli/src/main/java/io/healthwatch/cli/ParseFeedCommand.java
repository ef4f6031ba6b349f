package io.healthwatch.cli;

import io.healthwatch.contracts.Json;
import io.healthwatch.crawler.feed.FeedReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./healthwatch parse-feed FILE.xml}: the crawler's reading of one RSS or Atom feed. */
@Command(
    name = "parse-feed",
    mixinStandardHelpOptions = true,
    description = "Print the items of an RSS or Atom file as JSON.")
final class ParseFeedCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE.xml",
      description = "the feed, in any declared encoding")
  Path file;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "where the feed came from (resolves relative links)")
  String url = "http://localhost/feed.xml";

  @Override
  public Integer call() throws Exception {
    byte[] bytes = InputFiles.read(file);
    List<Map<String, Object>> items;
    try {
      items =
          FeedReader.read(bytes, null, url).stream()
              .map(
                  item -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("url", item.url());
                    out.put("title", item.title());
                    out.put(
                        "publishedAt",
                        item.publishedAt() == null ? null : item.publishedAt().toString());
                    return out;
                  })
              .toList();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(items));
    return 0;
  }
}
