package io.healthwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.cli.demo.DemoResult;
import io.healthwatch.cli.demo.DemoRunner;
import io.healthwatch.cli.demo.DemoSettings;
import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.devstack.sites.DemoCorpus;
import io.healthwatch.indexer.issue.IssueMaterializer;
import io.healthwatch.indexer.issue.WeeklyIssue;
import io.healthwatch.testkit.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo corpus through the three services, run as separate processes against a real broker and a
 * real OpenSearch node: the weekly issues must list exactly the seed reports' articles.
 */
class DemoPipelineIT {
  private static final DemoCorpus CORPUS = DemoCorpus.load();
  @TempDir static Path work;
  private static DemoResult result;

  @BeforeAll
  static void runDemo() throws Exception {
    var endpoints = Infrastructure.get();
    var settings =
        new DemoSettings(
            Infrastructure.projectRoot(),
            work,
            Infrastructure.namespace("demo-it"),
            endpoints.kafkaBootstrap(),
            endpoints.openSearchUrl(),
            false,
            Duration.ofMinutes(3),
            System.out);
    result = new DemoRunner(settings).run();
  }

  private static IssueMaterializer.Result issue(LocalDate windowEnd) {
    return result.issues().stream()
        .filter(i -> i.issue().windowEnd().equals(windowEnd))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no issue for the week ending " + windowEnd + ": " + result.issues()));
  }

  @Test
  void issue575ListsExactlyTheThreeSeedArticlesOfItsWeek() throws Exception {
    var materialized = issue(LocalDate.of(2024, 5, 17));
    WeeklyIssue issue = materialized.issue();
    assertEquals(575, issue.number());
    assertEquals("第五七五期", issue.numberText());
    assertEquals(LocalDate.of(2024, 5, 11), issue.windowStart());

    var seeds =
        CORPUS.seedsOfIssue(575).stream()
            .sorted(Comparator.comparing(DemoCorpus.Article::date))
            .toList();
    assertEquals(
        seeds.stream().map(DemoCorpus.Article::title).toList(),
        issue.articles().stream().map(WeeklyIssue.IssueArticle::title).toList());
    assertEquals(
        seeds.stream().map(DemoCorpus.Article::source).toList(),
        issue.articles().stream().map(WeeklyIssue.IssueArticle::source).toList());
    assertEquals(
        seeds.stream().map(DemoCorpus.Article::link).toList(),
        issue.articles().stream().map(WeeklyIssue.IssueArticle::url).toList());

    // The week also holds a reprint, sports and finance news: none of them is in the issue.
    Set<String> distractorLinks =
        CORPUS.articles().stream()
            .filter(a -> !a.isSeed())
            .map(DemoCorpus.Article::link)
            .collect(Collectors.toSet());
    assertTrue(issue.articles().stream().noneMatch(a -> distractorLinks.contains(a.url())));

    String markdown = Files.readString(materialized.markdownFile());
    assertTrue(markdown.contains("本期周报共收集3篇"), markdown);
    assertTrue(markdown.contains("时间从2024年5月11日到2024年5月17日"));
    for (var seed : seeds) {
      // Every paragraph of every article made it from the page through all three stages.
      for (String paragraph : seed.paragraphs()) {
        assertTrue(
            markdown.contains(paragraph.substring(0, Math.min(20, paragraph.length()))),
            "paragraph missing: " + paragraph);
      }
    }
  }

  @Test
  void laterIssuesAreNumberedAndHoldTheirSeedArticles() {
    for (int number : List.of(576, 630)) {
      var seeds = CORPUS.seedsOfIssue(number);
      var issue =
          result.issues().stream()
              .filter(i -> i.issue().number() == number)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no issue " + number))
              .issue();
      assertEquals(
          seeds.stream().map(DemoCorpus.Article::link).collect(Collectors.toSet()),
          issue.articles().stream().map(WeeklyIssue.IssueArticle::url).collect(Collectors.toSet()));
    }
  }

  @Test
  void brokenAndMissingPagesAreDeadLetteredWithTheirReasons() {
    Set<String> reasons =
        result.deadLetters().stream()
            .filter(l -> l.stage().equals("crawler"))
            .map(l -> l.reason() + " " + l.url().replaceFirst("http://127.0.0.1:\\d+", ""))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            ReasonCode.EXTRACTION_FAILED + " /xinxi/2024-05/16/content_37320001.htm",
            ReasonCode.HTTP_STATUS + " /html/2025-06/24/content_439001.htm?div=-1"),
        reasons);
    assertTrue(result.deadLetters().stream().map(DeadLetter::stage).allMatch("crawler"::equals));
    assertEquals(14, result.discovered());
  }
}
