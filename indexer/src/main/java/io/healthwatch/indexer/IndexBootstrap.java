package io.healthwatch.indexer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.topic.Indices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the index templates (mappings and settings of this release) and creates the versioned
 * indices from them, each behind its alias, unless the alias exists. Services read and write the
 * alias only; {@link Reindex} moves an alias to a new generation without downtime.
 */
public final class IndexBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(IndexBootstrap.class);

  private IndexBootstrap() {}

  /**
   * The two settings every service that creates indices has ({@code indexReplicas}, {@code
   * chineseAnalysis}), checked alike when its config is loaded.
   */
  public static void requireSettings(int indexReplicas, String chineseAnalysis) {
    io.healthwatch.contracts.config.ConfigException.require(
        indexReplicas >= 0, "indexReplicas", indexReplicas, "0 or more");
    io.healthwatch.contracts.config.ConfigException.require(
        ChineseAnalyzer.PREFERENCES.contains(chineseAnalysis),
        "chineseAnalysis",
        chineseAnalysis,
        "auto, smartcn or cjk");
  }

  /** The indexer's indices, as the service or a command with its configuration sets them up. */
  public static void ensure(OpenSearchClient client, IndexerConfig config) throws IOException {
    ensure(
        client,
        config.namespace(),
        config.indexReplicas(),
        config.chineseAnalysis(),
        IndexerMain.INDICES);
  }

  /** The indexer's indices with Chinese analysis chosen automatically (smartcn where it is). */
  public static void ensure(OpenSearchClient client, String namespace, int replicas)
      throws IOException {
    ensure(client, namespace, replicas, "auto");
  }

  /** The indexer's indices. */
  public static void ensure(
      OpenSearchClient client, String namespace, int replicas, String chineseAnalysis)
      throws IOException {
    ensure(client, namespace, replicas, chineseAnalysis, IndexerMain.INDICES);
  }

  /**
   * @param chineseAnalysis auto, smartcn or cjk (the {@code chineseAnalysis} setting)
   * @param indices those to set up: each service its own (their mappings are in its jar)
   */
  public static void ensure(
      OpenSearchClient client,
      String namespace,
      int replicas,
      String chineseAnalysis,
      List<Indices> indices)
      throws IOException {
    ChineseAnalyzer analyzer = ChineseAnalyzer.choose(client, chineseAnalysis);
    for (Indices index : indices) {
      putTemplate(client, index, namespace, replicas, analyzer);
      String alias = index.alias(namespace);
      if (client.indices().existsAlias(a -> a.name(alias)).value()) {
        addNewFields(client, index, alias);
        ChineseAnalyzer.reportExisting(client, alias, analyzer);
        continue;
      }
      var body = Json.mapper().createObjectNode();
      body.putObject("aliases").putObject(alias).put("is_write_index", true);
      if (create(client, index.index(namespace), body)) {
        LOG.info(
            "created index {} behind alias {}; Chinese text analysed with {}",
            index.index(namespace),
            alias,
            analyzer.description());
      }
    }
  }

  /**
   * The index template of an index and its later generations ({@code <index>-<suffix>}, made by a
   * reindex): settings and mappings of this release, Chinese analysis as the node offers it now.
   * Put at every start, so a new generation always gets the current mapping.
   */
  static void putTemplate(
      OpenSearchClient client,
      Indices index,
      String namespace,
      int replicas,
      ChineseAnalyzer analyzer)
      throws IOException {
    var definition = (ObjectNode) Json.mapper().readTree(mapping(index));
    var settings = (ObjectNode) definition.get("settings");
    settings.put("number_of_replicas", replicas);
    analyzer.applyTo(settings);
    String name = index.index(namespace);
    var body = Json.mapper().createObjectNode();
    body.putArray("index_patterns").add(name).add(name + "-*");
    body.put("priority", 200);
    body.set("template", definition);
    body.putObject("_meta").put("managedBy", "healthwatch").put("alias", index.alias(namespace));
    RestCalls.require(
        client, "PUT", "/_index_template/" + name, body, "putting the index template " + name);
  }

  /**
   * Creates an index (its settings and mappings from the template); false when it already exists.
   */
  static boolean create(OpenSearchClient client, String name, ObjectNode body) throws IOException {
    var answer = RestCalls.call(client, "PUT", "/" + name, body);
    if (answer.status() == 400 && answer.body().contains("resource_already_exists_exception")) {
      return false;
    }
    if (!answer.ok()) {
      throw new IOException(
          "creating index " + name + " failed: HTTP " + answer.status() + " " + answer.body());
    }
    return true;
  }

  /**
   * A field the mapping gained since the index was created (a new release's) is added in place:
   * adding fields needs no reindex. A changed field cannot be added this way; that fails here with
   * OpenSearch's reason, and needs a new index version and a reindex (see the README).
   */
  private static void addNewFields(OpenSearchClient client, Indices index, String alias)
      throws IOException {
    var mappings = Json.mapper().readTree(mapping(index)).get("mappings");
    RestCalls.require(
        client, "PUT", "/" + alias + "/_mapping", mappings, "updating the mapping of " + alias);
  }

  private static InputStream mapping(Indices index) {
    InputStream in =
        IndexBootstrap.class.getClassLoader().getResourceAsStream(index.mappingResource());
    if (in == null) {
      throw new UncheckedIOException(new IOException("missing " + index.mappingResource()));
    }
    return in;
  }
}
