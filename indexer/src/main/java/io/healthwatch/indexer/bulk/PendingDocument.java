package io.healthwatch.indexer.bulk;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A document waiting for OpenSearch's acknowledgement, with the record it came from.
 *
 * @param index the alias it is written to
 * @param version its external version: a replay overwrites, an older version never replaces a newer
 *     one
 * @param url the article or page it is about, for the dead letter when it is refused
 */
public record PendingDocument(
    String index,
    String id,
    long version,
    Object document,
    String url,
    ConsumerRecord<String, byte[]> origin) {}
