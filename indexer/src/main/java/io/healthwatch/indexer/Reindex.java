package io.healthwatch.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.topic.Indices;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Moves an alias to a new generation of its index, made from this release's template (new mappings,
 * smartcn where the node now has it), without downtime: the copy runs while services keep reading
 * and writing the old index through the alias, the alias then moves in one atomic request, and a
 * second pass copies what was written to the old index meanwhile. Copies keep the documents'
 * versions (article revisions), so an older copy never replaces a newer document.
 */
public final class Reindex {
  private static final DateTimeFormatter GENERATION =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** What was done: the alias now points at {@code to}; {@code from} is kept unless deleted. */
  public record Result(
      String alias, String from, String to, long documentsBefore, long documentsAfter) {}

  private final OpenSearchClient client;
  private final String namespace;
  private final int replicas;
  private final String chineseAnalysis;
  private final PrintStream progress;

  /**
   * @param chineseAnalysis auto, smartcn or cjk: the new generation's analyzer
   */
  public Reindex(
      OpenSearchClient client,
      String namespace,
      int replicas,
      String chineseAnalysis,
      PrintStream progress) {
    this.client = client;
    this.namespace = namespace;
    this.replicas = replicas;
    this.chineseAnalysis = chineseAnalysis;
    this.progress = progress;
  }

  public Result run(Indices index, boolean deleteOld) throws IOException, InterruptedException {
    String alias = index.alias(namespace);
    String from = writeIndex(alias);
    String to = index.index(namespace) + "-" + GENERATION.format(Instant.now());
    ChineseAnalyzer analyzer = ChineseAnalyzer.choose(client, chineseAnalysis);
    IndexBootstrap.putTemplate(client, index, namespace, replicas, analyzer);
    if (!IndexBootstrap.create(client, to, Json.mapper().createObjectNode())) {
      throw new IOException(to + " exists already; run the reindex again in a second");
    }
    progress.printf("%s: copying %s -> %s (%s)%n", alias, from, to, analyzer.description());
    copy(from, to);
    swap(alias, from, to);
    progress.printf("%s: alias moved to %s; copying what was written meanwhile%n", alias, to);
    copy(from, to);
    refresh(to);
    long before = count(from);
    long after = count(to);
    if (deleteOld) {
      execute("DELETE", "/" + from, null);
      progress.printf("%s: deleted %s%n", alias, from);
    }
    return new Result(alias, from, to, before, after);
  }

  /** The index the alias writes to (the only one behind it, as the bootstrap makes them). */
  private String writeIndex(String alias) throws IOException {
    JsonNode aliases = execute("GET", "/_alias/" + alias, null);
    String only = null;
    for (Iterator<String> names = aliases.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (aliases.path(name).path("aliases").path(alias).path("is_write_index").asBoolean(false)) {
        return name;
      }
      only = only == null ? name : "";
    }
    if (only == null || only.isEmpty()) {
      throw new IOException("alias " + alias + " has no single write index: " + aliases);
    }
    return only;
  }

  /**
   * One reindex pass, run as a task so a long copy reports progress. External versions: a document
   * already in the target at the same or a newer version is left as it is.
   */
  private void copy(String from, String to) throws IOException, InterruptedException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("conflicts", "proceed");
    body.putObject("source").put("index", from).put("size", 1000);
    body.putObject("dest").put("index", to).put("version_type", "external");
    JsonNode started = execute("POST", "/_reindex?wait_for_completion=false&refresh=true", body);
    String task = started.path("task").asText();
    if (task.isEmpty()) {
      throw new IOException("the node did not start a reindex task: " + started);
    }
    while (true) {
      JsonNode status = execute("GET", "/_tasks/" + task, null);
      JsonNode counts = status.path("task").path("status");
      if (status.path("completed").asBoolean(false)) {
        JsonNode response = status.path("response");
        if (response.path("failures").size() > 0 || status.has("error")) {
          throw new IOException(
              "reindex "
                  + from
                  + " -> "
                  + to
                  + " failed: "
                  + response.path("failures")
                  + " "
                  + status.path("error"));
        }
        progress.printf(
            "  %d copied, %d already current, %d in all%n",
            response.path("created").asLong() + response.path("updated").asLong(),
            response.path("version_conflicts").asLong(),
            response.path("total").asLong());
        return;
      }
      progress.printf(
          "  %d of %d%n",
          counts.path("created").asLong() + counts.path("updated").asLong(),
          counts.path("total").asLong());
      Thread.sleep(1000);
    }
  }

  private void swap(String alias, String from, String to) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    var actions = body.putArray("actions");
    actions.addObject().putObject("remove").put("index", from).put("alias", alias);
    actions
        .addObject()
        .putObject("add")
        .put("index", to)
        .put("alias", alias)
        .put("is_write_index", true);
    execute("POST", "/_aliases", body);
  }

  private void refresh(String index) throws IOException {
    execute("POST", "/" + index + "/_refresh", null);
  }

  private long count(String index) throws IOException {
    return execute("GET", "/" + index + "/_count", null).path("count").asLong();
  }

  private JsonNode execute(String method, String endpoint, JsonNode body) throws IOException {
    return RestCalls.require(client, method, endpoint, body, method + " " + endpoint);
  }
}
