package io.healthwatch.cli;

import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.editorial.search.ArticleSearch;
import io.healthwatch.indexer.OpenSearchClients;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./healthwatch search QUERY [--source S] [--entity E] [--from D --to D]}. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the indexed articles (primaries; reprints are found at their original).",
      "Chinese words match as written: 医保码 finds articles that say 医保码."
    })
final class SearchCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "QUERY",
      description = "words to find in titles and bodies (none: every article)")
  String query;

  @Option(names = "--source", paramLabel = "S", description = "only this source, e.g. 新华网")
  String source;

  @Option(names = "--entity", paramLabel = "E", description = "only articles naming this entity")
  String entity;

  @Option(
      names = "--topic",
      paramLabel = "T",
      description = "only articles of this health-IT topic id, e.g. ai-medicine")
  String topic;

  @Option(names = "--from", paramLabel = "DATE", description = "published on or after (China time)")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "published on or before")
  LocalDate to;

  @Option(names = "--size", paramLabel = "N", description = "at most N hits (default 20)")
  int size = 20;

  @Option(names = "--json", description = "print the hits as JSON")
  boolean json;

  @Mixin EditorialOptions editorial;

  @Override
  public Integer call() throws Exception {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    if (size < 1 || size > 1000) {
      throw new IllegalArgumentException("--size takes 1 to 1000, got " + size);
    }
    var settings = editorial.settings();
    var client = OpenSearchClients.create(settings.opensearch());
    ArticleSearch.Result result;
    try {
      result =
          new ArticleSearch(client, settings.namespace(), settings.calendar())
              .search(new ArticleSearch.Request(query, source, entity, topic, from, to, size));
    } catch (org.opensearch.client.opensearch._types.OpenSearchException e) {
      if ("index_not_found_exception".equals(e.error().type())) {
        throw new IllegalArgumentException(
            "no articles index "
                + Indices.ARTICLES.alias(settings.namespace())
                + " at "
                + settings.opensearch().url()
                + " (after ./healthwatch demo, search its articles with --set namespace=demo)");
      }
      throw e;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "OpenSearch at "
              + settings.opensearch().url()
              + " cannot be reached ("
              + e.getMessage()
              + "); start it with ./healthwatch services start");
    }
    if (json) {
      var hits = new ArrayList<Map<String, Object>>();
      for (var hit : result.hits()) {
        var a = hit.article();
        var h = new LinkedHashMap<String, Object>();
        h.put("id", a.id());
        h.put("title", a.title());
        h.put("source", a.source());
        h.put("publishedAt", a.publishedAt().toString());
        h.put("url", a.url());
        h.put("score", hit.score());
        hits.add(h);
      }
      var out = new LinkedHashMap<String, Object>();
      out.put("total", result.total());
      out.put("hits", hits);
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
      return 0;
    }
    System.out.printf("%d article%s%n", result.total(), result.total() == 1 ? "" : "s");
    for (var hit : result.hits()) {
      var a = hit.article();
      System.out.printf(
          "%s  %-8s %s%n            %s%n",
          settings.calendar().dayOf(a.publishedAt().toInstant()), a.source(), a.title(), a.url());
    }
    return 0;
  }
}
