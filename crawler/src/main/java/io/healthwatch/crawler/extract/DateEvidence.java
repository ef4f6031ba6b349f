package io.healthwatch.crawler.extract;

/**
 * Where a page's publish date was read, from surest to least sure; {@link PublishTime} weighs it
 * against what a feed said.
 */
public enum DateEvidence {
  /** Metadata (meta tags, JSON-LD, {@code <time datetime>}) or the source's own date selector. */
  METADATA,
  /** The lines just above the body: a dateline, or a labelled or timed date in the header. */
  HEADER,
  /**
   * A labelled or timed date inside or below the body: a byline at the foot, but on some pages a
   * comment's or a related article's time.
   */
  BYLINE,
  /**
   * A bare date further off: below the body, far above it, or the first date in the page's text. On
   * pages without metadata or a dateline this is a guess, and may be a date the article quotes.
   */
  TEXT
}
