package io.healthwatch.devstack.sites;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.calendar.ChinaTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Articles for a {@link LiveSite}: distinct stories (the labelled relevance set bundled with the
 * demo), each dated now and under a link of its own, so no two are reprints of one another and a
 * run never collides with an earlier one.
 */
public final class LiveArticles {
  private static final ZoneId CHINA = ChinaTime.ZONE;

  private LiveArticles() {}

  /** The number of distinct stories available. */
  public static int available() {
    return stories().size();
  }

  public static List<DemoCorpus.Article> distinct(int count) {
    List<JsonNode> stories = stories();
    if (count > stories.size()) {
      throw new IllegalArgumentException(
          "there are " + stories.size() + " distinct stories; ask for at most that many");
    }
    String run = UUID.randomUUID().toString().substring(0, 6);
    var articles = new ArrayList<DemoCorpus.Article>(count);
    for (JsonNode story : stories.subList(0, count)) {
      String id = run + "-" + story.path("id").asText();
      articles.add(
          DemoCorpus.Article.live(
              id,
              story.path("title").asText(),
              "http://live.example/news/" + id + ".html",
              OffsetDateTime.now(CHINA).withNano(0),
              Arrays.stream(story.path("body").asText().split("(?<=。)"))
                  .filter(sentence -> !sentence.isBlank())
                  .toList()));
    }
    return articles;
  }

  private static List<JsonNode> stories() {
    var stories = new ArrayList<JsonNode>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                LiveArticles.class.getResourceAsStream("/demo/relevance-set.jsonl"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          stories.add(Json.mapper().readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled relevance set is unreadable", e);
    }
    return stories;
  }
}
