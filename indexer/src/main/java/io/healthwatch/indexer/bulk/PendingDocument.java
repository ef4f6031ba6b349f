package io.healthwatch.indexer.bulk;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A document waiting for OpenSearch's acknowledgement, with the record it came from. */
public record PendingDocument(ArticleDocument document, ConsumerRecord<String, byte[]> origin) {}
