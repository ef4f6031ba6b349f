package io.healthwatch.contracts.message;

/** A health-IT topic an article is about, with how strongly (0..1). */
public record TopicScore(String id, String label, double score) {}
