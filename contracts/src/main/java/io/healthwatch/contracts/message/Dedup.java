package io.healthwatch.contracts.message;

/**
 * What the enricher decided about copies of this article.
 *
 * @param contentHash SHA-256 hex of the normalized body
 * @param simhash 128-bit SimHash of the body's character shingles (two independent 64-bit halves),
 *     as 32 hex digits; records written before 2026-11 carry 16
 * @param duplicateOf id of the primary when this is a copy, else null
 * @param reason why it is a copy (e.g. {@code SAME_URL}, {@code NEAR_DUPLICATE distance=3}), or
 *     null
 */
public record Dedup(String contentHash, String simhash, String duplicateOf, String reason) {}
