package io.healthwatch.benchmarks;

/**
 * A page with what annotators (or the demo corpus) say it holds; any gold field may be null.
 *
 * @param html the page decoded as the crawler decodes it
 */
record GoldPage(
    String set,
    String id,
    String url,
    String html,
    String title,
    String publishedAt,
    String body) {}
