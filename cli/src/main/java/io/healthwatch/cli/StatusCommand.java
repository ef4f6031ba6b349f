package io.healthwatch.cli;

import io.healthwatch.cli.ops.RecordsSince;
import io.healthwatch.cli.ops.ServiceProbe;
import io.healthwatch.cli.ops.When;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.config.KafkaSettings;
import io.healthwatch.contracts.kafka.ConsumerLag;
import io.healthwatch.contracts.kafka.KafkaClients;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.contracts.topic.Namespace;
import io.healthwatch.contracts.topic.Topic;
import io.healthwatch.contracts.topic.Topics;
import io.healthwatch.crawler.CrawlerConfig;
import io.healthwatch.crawler.frontier.Crawler;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.editorial.issue.IssueCandidates;
import io.healthwatch.editorial.issue.IssueStore;
import io.healthwatch.enricher.EnricherConfig;
import io.healthwatch.indexer.IndexerConfig;
import io.healthwatch.indexer.OpenSearchClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.opensearch.client.opensearch.OpenSearchClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./healthwatch status}: the whole pipeline at a glance, from what operators already have:
 * each service's ops endpoint, the consumer groups' committed offsets, the topics' last hour, the
 * indices. Every service's address comes from its own config, read as the service reads it (its
 * defaults, {@code HEALTHWATCH_<COMPONENT>_*}, the file given here).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Services up (each one's /ready), per-topic consumer lag, records per stage in the last hour,"
          + " the current week and its candidates.",
      "Exit code 0 when every service is ready and nothing lags, 1 otherwise, 2 when Kafka or"
          + " OpenSearch cannot be reached."
    })
final class StatusCommand implements Callable<Integer> {
  @Option(names = "--namespace", paramLabel = "NS", description = "the namespace (demo, ...)")
  String namespace;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      description = "the brokers, instead of each config's kafka.bootstrapServers")
  String kafkaServers;

  @Option(
      names = "--opensearch",
      paramLabel = "URL",
      description = "the cluster, instead of each config's opensearch.url")
  String openSearchUrl;

  @Option(names = "--crawler-config", paramLabel = "FILE")
  Path crawlerConfig;

  @Option(names = "--enricher-config", paramLabel = "FILE")
  Path enricherConfig;

  @Option(names = "--indexer-config", paramLabel = "FILE")
  Path indexerConfig;

  @Option(names = "--editorial-config", paramLabel = "FILE")
  Path editorialConfig;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "the recent period counted (default PT1H)")
  Duration since = Duration.ofHours(1);

  @Option(names = "--json", description = "print JSON")
  boolean json;

  /** One consumer group's position on one topic. */
  record Lag(String service, String group, String topic, long records) {}

  /** What the command found; printed as text or JSON. */
  record Status(
      Instant at,
      String namespace,
      List<ServiceProbe.Probe> services,
      String kafka,
      String opensearch,
      List<Lag> lag,
      Map<String, String> recent,
      Map<String, Object> week) {}

  @Override
  public Integer call() throws Exception {
    var env = System.getenv();
    var crawler = CrawlerConfig.load(crawlerConfig, env, overrides(true, false));
    var enricher = EnricherConfig.load(enricherConfig, env, overrides(true, false));
    var indexer = IndexerConfig.load(indexerConfig, env, overrides(true, true));
    var editorial = EditorialConfig.load(editorialConfig, env, overrides(false, true));
    String space = indexer.namespace();
    Instant now = Instant.now();

    var services =
        List.of(
            ServiceProbe.of("crawler", crawler.ops()),
            ServiceProbe.of("enricher", enricher.ops()),
            ServiceProbe.of("indexer", indexer.ops()),
            ServiceProbe.of("editorial", editorial.ops()));

    KafkaSettings kafka = indexer.kafka();
    var lag = new ArrayList<Lag>();
    var recent = new LinkedHashMap<String, String>();
    String kafkaState;
    try (Admin admin = Admin.create(KafkaClients.common(kafka, "healthwatch-status"))) {
      int brokers = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
      kafkaState =
          brokers + (brokers == 1 ? " broker" : " brokers") + " at " + kafka.bootstrapServers();
      var lags = new ConsumerLag(admin);
      String crawlerGroup = Namespace.of(space).group(Crawler.GROUP);
      lag.add(lag(lags, "crawler", crawlerGroup, Topics.FRONTIER.name(space)));
      lag.add(
          lag(lags, "enricher", enricher.qualifiedApplicationId(), Topics.DISCOVERED.name(space)));
      lag.add(lag(lags, "indexer", indexer.qualifiedGroupId(), Topics.TAGGED.name(space)));
      lag.add(lag(lags, "indexer", indexer.qualifiedGroupId(), Topics.CRAWL_STATUS.name(space)));
      Instant from = now.minus(since);
      for (var stage :
          List.<Map.Entry<String, Topic<?, ?>>>of(
              Map.entry("crawler discovered", Topics.DISCOVERED),
              Map.entry("enricher tagged", Topics.TAGGED),
              Map.entry("enricher duplicates", Topics.DUPLICATES),
              Map.entry("dead letters", Topics.DEAD_LETTER))) {
        String topic = stage.getValue().name(space);
        recent.put(
            stage.getKey() + " (" + topic + ")",
            RecordsSince.count(kafka, topic, from, Duration.ofSeconds(10)).toString());
      }
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      kafkaState = "unreachable at " + kafka.bootstrapServers() + ": " + e.getMessage();
    }

    String openSearchState;
    var week = new LinkedHashMap<String, Object>();
    OpenSearchClient client = OpenSearchClients.create(indexer.opensearch());
    String problem = OpenSearchClients.health(client).get();
    if (problem == null) {
      openSearchState = "up at " + indexer.opensearch().url();
      String articles = Indices.ARTICLES.alias(space);
      if (client.indices().exists(e -> e.index(articles)).value()) {
        long indexed =
            client
                .count(
                    c ->
                        c.index(articles)
                            .query(
                                q ->
                                    q.range(
                                        r ->
                                            r.field("indexedAt")
                                                .gte(
                                                    org.opensearch.client.json.JsonData.of(
                                                        now.minus(since).toString())))))
                .count();
        recent.put("indexer indexed (" + articles + ")", Long.toString(indexed));
        var window = editorial.calendar().windowOf(now);
        week.put("window", window.start() + ".." + window.end());
        week.put("closesAt", editorial.calendar().closesAt(window));
        week.put("candidates", new IssueCandidates(client, space).count(window.end()));
      }
      if (client.indices().exists(e -> e.index(Indices.ISSUES.alias(space))).value()) {
        var last = new IssueStore(client, space).recent(1);
        if (!last.isEmpty()) {
          var issue = last.get(0);
          week.put(
              "lastIssue",
              issue.numberText()
                  + " (issue "
                  + issue.number()
                  + ", "
                  + issue.windowStart()
                  + ".."
                  + issue.windowEnd()
                  + ", "
                  + issue.articleIds().size()
                  + " articles)");
        }
      }
    } else {
      openSearchState = "unreachable at " + indexer.opensearch().url() + ": " + problem;
    }

    var status = new Status(now, space, services, kafkaState, openSearchState, lag, recent, week);
    if (json) {
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(status));
    } else {
      print(status);
    }
    if (kafkaState.startsWith("unreachable") || problem != null) {
      return 2;
    }
    boolean allReady = services.stream().allMatch(s -> s.state().equals("ready"));
    boolean caughtUp = lag.stream().allMatch(l -> l.records() <= 0);
    return allReady && caughtUp ? 0 : 1;
  }

  /** The options as config keys, for a component that has Kafka and OpenSearch settings or not. */
  private Map<String, String> overrides(boolean readsKafka, boolean readsOpenSearch) {
    var keys = new LinkedHashMap<String, String>();
    if (namespace != null) {
      keys.put("namespace", namespace);
    }
    if (readsKafka && kafkaServers != null) {
      keys.put("kafka.bootstrapServers", kafkaServers);
    }
    if (readsOpenSearch && openSearchUrl != null) {
      keys.put("opensearch.url", openSearchUrl);
    }
    return keys;
  }

  private static Lag lag(ConsumerLag lags, String service, String group, String topic) {
    return new Lag(service, group, topic, lags.of(group, topic));
  }

  private void print(Status s) {
    System.out.printf(
        "healthwatch status at %s%s%n",
        s.at(), s.namespace().isEmpty() ? "" : " (namespace " + s.namespace() + ")");
    System.out.println("services:");
    for (var probe : s.services()) {
      var problems =
          probe.checks().entrySet().stream()
              .filter(e -> !e.getValue().equals("UP"))
              .map(e -> e.getKey() + ": " + e.getValue())
              .toList();
      System.out.printf(
          "  %-10s %-10s %-24s %s%n",
          probe.service(),
          probe.state(),
          probe.url() == null ? "(ops.port -1)" : probe.url(),
          String.join("; ", problems));
    }
    System.out.println("kafka:      " + s.kafka());
    System.out.println("opensearch: " + s.opensearch());
    if (!s.lag().isEmpty()) {
      System.out.println("consumer lag (records not yet committed; ? = group or topic unknown):");
      for (var l : s.lag()) {
        System.out.printf(
            "  %-10s %-48s %s%n", l.service(), l.topic(), l.records() < 0 ? "?" : l.records());
      }
    }
    if (!s.recent().isEmpty()) {
      System.out.println("last " + When.span(since) + " (records per stage):");
      s.recent().forEach((name, count) -> System.out.printf("  %-64s %s%n", name, count));
    }
    if (s.week().containsKey("window")) {
      System.out.printf(
          "current week %s (closes %s): %s candidates%n",
          s.week().get("window"),
          When.of((Instant) s.week().get("closesAt"), s.at()),
          s.week().get("candidates"));
    }
    if (s.week().containsKey("lastIssue")) {
      System.out.println("last issue: " + s.week().get("lastIssue"));
    }
  }
}
