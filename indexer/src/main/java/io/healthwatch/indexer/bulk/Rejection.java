package io.healthwatch.indexer.bulk;

/** A document OpenSearch refused for good (a 4xx other than 409 and 429), with its error. */
public record Rejection(PendingDocument pending, int status, String error) {}
