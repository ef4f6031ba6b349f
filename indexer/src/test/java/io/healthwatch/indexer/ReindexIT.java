package io.healthwatch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.message.ArticleStatus;
import io.healthwatch.contracts.topic.Indices;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A new generation of the articles index behind the alias, on the real node. */
class ReindexIT {
  @Test
  void theAliasMovesToACopyMadeFromTheTemplateAndTheOldIndexGoesOnlyWhenAsked() throws Exception {
    var node = TestArticles.freshNamespace("reindex-it");
    var client = node.client();
    String ns = node.namespace();
    String alias = Indices.ARTICLES.alias(ns);
    TestArticles.index(
        client,
        ns,
        List.of(
            TestArticles.article(
                "https://news.example/alipay",
                "新华网",
                "支付宝助力数字医疗服务提质升级",
                "全国医保码用户已超11.2亿人。",
                "2024-05-15T15:40:00+08:00",
                ArticleStatus.PRIMARY,
                0.9,
                List.of("支付宝")),
            TestArticles.article(
                "https://news.example/ward",
                "健康报",
                "智慧病房上线",
                "护士站接入物流传输系统。",
                "2024-05-14T10:00:00+08:00",
                ArticleStatus.PRIMARY,
                0.8,
                List.of())));
    var log = new ByteArrayOutputStream();
    var reindex =
        new Reindex(client, ns, 0, "auto", new PrintStream(log, true, StandardCharsets.UTF_8));

    var first = reindex.run(Indices.ARTICLES, false);

    assertEquals(Indices.ARTICLES.index(ns), first.from());
    assertTrue(first.to().startsWith(Indices.ARTICLES.index(ns) + "-"), first.to());
    assertEquals(2, first.documentsBefore());
    assertEquals(2, first.documentsAfter());
    assertEquals(List.of(first.to()), indicesBehind(client, alias));
    assertTrue(client.indices().exists(e -> e.index(first.from())).value(), "old index kept");
    assertEquals(
        Optional.of(ChineseAnalyzer.available(client)), ChineseAnalyzer.of(client, first.to()));
    var found =
        client.search(
            s ->
                s.index(alias)
                    .query(q -> q.match(m -> m.field("body").query(v -> v.stringValue("医保码")))),
            ArticleDocument.class);
    assertEquals(1, found.hits().total().value(), "search through the alias finds the copy");

    // Writes through the alias now land in the new generation.
    TestArticles.index(
        client,
        ns,
        List.of(
            TestArticles.article(
                "https://news.example/records",
                "人民网",
                "检查结果互认",
                "全省检查检验结果互认。",
                "2024-05-13T10:00:00+08:00",
                ArticleStatus.PRIMARY,
                0.7,
                List.of())));
    assertEquals(3, count(client, first.to()));

    var second = reindex.run(Indices.ARTICLES, true);
    assertEquals(first.to(), second.from());
    assertNotEquals(first.to(), second.to());
    assertEquals(3, second.documentsAfter());
    assertFalse(client.indices().exists(e -> e.index(second.from())).value(), "--delete-old");
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("alias moved to " + second.to()));
  }

  private static List<String> indicesBehind(
      org.opensearch.client.opensearch.OpenSearchClient client, String alias) throws Exception {
    return List.copyOf(client.indices().getAlias(a -> a.name(alias)).result().keySet());
  }

  private static long count(org.opensearch.client.opensearch.OpenSearchClient client, String index)
      throws Exception {
    client.indices().refresh(r -> r.index(index));
    return client.count(c -> c.index(index)).count();
  }
}
