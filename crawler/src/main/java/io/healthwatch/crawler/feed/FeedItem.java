package io.healthwatch.crawler.feed;

import java.time.OffsetDateTime;

/** One entry of a feed: where the article is, and what the feed says of it. */
public record FeedItem(String url, String title, OffsetDateTime publishedAt) {}
