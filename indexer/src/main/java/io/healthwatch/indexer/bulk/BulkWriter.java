package io.healthwatch.indexer.bulk;

import io.healthwatch.indexer.IndexerMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of documents and does not return until each is either acknowledged or refused for
 * good. The error policy in one place: 2xx done; 409 (an equal or newer revision is already there)
 * done; 429, 5xx and an unreachable cluster retried with capped exponential backoff; any other 4xx
 * (a mapping error, say) returned as a rejection for the dead-letter topic.
 *
 * <p>Each document carries its index, id and external version (an article's revision, a crawl
 * state's sequence number), so a replay overwrites and an old version never replaces a newer one.
 */
public final class BulkWriter {
  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);

  private final OpenSearchClient client;
  private final long retryBaseMillis;
  private final long retryMaxMillis;
  private final IndexerMetrics metrics;

  public BulkWriter(
      OpenSearchClient client, long retryBaseMillis, long retryMaxMillis, IndexerMetrics metrics) {
    this.client = client;
    this.retryBaseMillis = retryBaseMillis;
    this.retryMaxMillis = retryMaxMillis;
    this.metrics = metrics;
  }

  /**
   * @param whileWaiting called during each backoff (the consumer uses it to stay in its group)
   */
  public List<Rejection> writeAll(List<PendingDocument> batch, Runnable whileWaiting)
      throws InterruptedException {
    var rejections = new ArrayList<Rejection>();
    List<PendingDocument> pending = batch;
    int attempt = 0;
    while (!pending.isEmpty()) {
      if (attempt > 0) {
        metrics.retried();
        backoff(attempt, whileWaiting);
      }
      attempt++;
      BulkResponse response;
      long started = System.nanoTime();
      try {
        response = client.bulk(request(pending));
      } catch (IOException | RuntimeException e) {
        if (e instanceof RuntimeException && !(e instanceof OpenSearchException) && !transport(e)) {
          throw (RuntimeException) e;
        }
        LOG.warn(
            "bulk of {} documents failed, will retry (attempt {}): {}",
            pending.size(),
            attempt,
            e.getMessage());
        continue;
      } finally {
        metrics.bulkTook(Duration.ofNanos(System.nanoTime() - started));
      }
      var retry = new ArrayList<PendingDocument>();
      int done = 0;
      for (int i = 0; i < pending.size(); i++) {
        BulkResponseItem item = response.items().get(i);
        int status = item.status();
        if (status < 300 || status == 409) {
          done++;
        } else if (status == 429 || status >= 500) {
          retry.add(pending.get(i));
        } else {
          rejections.add(
              new Rejection(
                  pending.get(i),
                  status,
                  item.error() == null
                      ? "HTTP " + status
                      : item.error().type() + ": " + item.error().reason()));
        }
      }
      metrics.indexed(done);
      if (!retry.isEmpty()) {
        LOG.warn(
            "{} of {} documents not accepted yet (429/5xx), will retry",
            retry.size(),
            pending.size());
      }
      pending = retry;
    }
    return rejections;
  }

  /**
   * The client wraps what went wrong on the wire (a reset connection, a proxy's malformed answer)
   * in a plain RuntimeException: that is an outage to wait out, unlike a bug in this code.
   */
  private static boolean transport(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof org.apache.hc.core5.http.HttpException) {
        return true;
      }
    }
    return false;
  }

  private BulkRequest request(List<PendingDocument> pending) {
    var operations = new ArrayList<BulkOperation>(pending.size());
    for (PendingDocument p : pending) {
      operations.add(
          BulkOperation.of(
              op ->
                  op.index(
                      i ->
                          i.index(p.index())
                              .id(p.id())
                              .version(p.version())
                              .versionType(VersionType.ExternalGte)
                              .document(p.document()))));
    }
    return BulkRequest.of(b -> b.operations(operations));
  }

  private void backoff(int attempt, Runnable whileWaiting) throws InterruptedException {
    long delay = Math.min(retryMaxMillis, retryBaseMillis << Math.min(attempt - 1, 20));
    long until =
        System.currentTimeMillis()
            + delay / 2
            + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    while (System.currentTimeMillis() < until) {
      whileWaiting.run();
      Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
    }
  }
}
