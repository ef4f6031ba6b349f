package io.healthwatch.cli;

import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.kafka.TopicProvisioner;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.archive.WarcPages;
import io.healthwatch.crawler.extract.ArticlePage;
import io.healthwatch.crawler.fetch.FetchException;
import io.healthwatch.crawler.fetch.HttpFetcher;
import io.healthwatch.crawler.publish.ArticlePublisher;
import io.healthwatch.crawler.source.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./healthwatch reextract WARC...}: the crawler's extraction run again over archived pages,
 * so a better extractor improves old articles without fetching anything.
 */
@Command(
    name = "reextract",
    mixinStandardHelpOptions = true,
    description = {
      "Run the crawler's extraction again over pages kept in WARC files (warc.enabled) and print"
          + " what it finds; with --publish, publish the articles again (the enricher makes an"
          + " update of each whose text changed, and ignores the others).",
      "Sources, selectors and charsets come from the crawler's config (--config, --set)."
    })
final class ReextractCommand implements Callable<Integer> {
  @Parameters(paramLabel = "WARC", arity = "1..*", description = "WARC files or folders of them")
  List<Path> paths;

  @Mixin CrawlerOptions crawler;

  @Option(names = "--source", paramLabel = "ID", description = "only pages of this source")
  String source;

  @Option(names = "--publish", description = "publish the articles to the discovered topic")
  boolean publish;

  @Override
  public Integer call() throws Exception {
    var settings = crawler.settings();
    var registry = crawler.registry(settings, "reextract");
    Map<String, Source> sources = new HashMap<>();
    Set<String> entries = new HashSet<>();
    registry
        .sources()
        .forEach(
            s -> {
              sources.put(s.id(), s);
              entries.addAll(s.entryUrls());
            });
    var files = new ArrayList<Path>();
    for (Path path : paths) {
      files.addAll(WarcPages.files(path));
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no WARC files (*.warc, *.warc.gz) at " + paths);
    }
    var articlePage = new ArticlePage();
    int[] counts = new int[4]; // articles, no article, skipped, unknown source
    KafkaProducer<String, byte[]> producer = null;
    ArticlePublisher publisher = null;
    if (publish) {
      TopicProvisioner.ensure(settings.kafka(), settings.namespace(), List.of(Topics.DISCOVERED));
      producer =
          new KafkaProducer<>(KafkaClients.producer(settings.kafka(), "healthwatch-reextract"));
      publisher = new ArticlePublisher(producer, settings.namespace());
    }
    try {
      for (Path file : files) {
        final ArticlePublisher out = publisher;
        WarcPages.read(
            file,
            page -> {
              if (page.status() != 200
                  || entries.contains(page.url())
                  || source != null && !source.equals(page.sourceId())) {
                counts[2]++;
                return;
              }
              Source of = sources.get(page.sourceId());
              if (of == null) {
                counts[3]++;
                System.out.println("unknown source '" + page.sourceId() + "': " + page.url());
                return;
              }
              try {
                var result =
                    articlePage.read(
                        of,
                        page.body(),
                        HttpFetcher.charsetOf(page.contentType()),
                        page.url(),
                        null,
                        null,
                        page.fetchedAt());
                counts[0]++;
                System.out.printf(
                    "article  %-10s %6d chars  %s  %s%n",
                    of.id(),
                    result.article().body().length(),
                    result.article().title(),
                    page.url());
                if (out != null) {
                  out.publish(result.article());
                }
              } catch (FetchException e) {
                counts[1]++;
                System.out.println("no article " + page.url() + ": " + e.getMessage());
              }
            });
      }
    } finally {
      if (producer != null) {
        producer.close();
      }
    }
    System.out.printf(
        "%d files: %d articles%s, %d pages without one, %d not article pages (entry pages,"
            + " redirects, other sources), %d of unknown sources%n",
        files.size(), counts[0], publish ? " published" : "", counts[1], counts[2], counts[3]);
    return 0;
  }
}
