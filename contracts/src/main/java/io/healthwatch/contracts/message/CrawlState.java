package io.healthwatch.contracts.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the crawler knows of one URL: value of the compacted crawl-status topic, keyed by the URL
 * and written to the partition of its politeness key (the frontier's), so the instance that owns a
 * host owns its URLs' states. After StormCrawler's status index and Nutch's CrawlDB: a failure is a
 * state with a next fetch time, not an end.
 *
 * @param role what the URL is to its source (a feed or list page, an article, a host's robots.txt)
 * @param errorCount transient failures in a row (reset by a success)
 * @param httpStatus the last HTTP status answered, null when the host did not answer
 * @param reason why the last fetch failed, null after a success
 * @param message the last failure (or note) in words, for the operator
 * @param contentHash SHA-256 hex of the last article (title and body) published from the URL
 * @param etag validators the server gave with the last full answer, sent on the next fetch
 * @param redirectedTo where the URL redirects (status REDIRECTED)
 * @param discoveredFrom the page whose links named it (null for a configured entry page)
 * @param redirectChain while the URL is due as the next hop of a redirect: the URLs that redirected
 *     to it, in order (a loop or too long a chain is an error); else null
 * @param firstSeen when it was first discovered
 * @param lastFetched when it was last requested (any outcome)
 * @param lastSuccess when it last answered with a page (200 or 304)
 * @param nextFetch when the scheduler fetches it next; null: never again unless replayed
 * @param firstPublished when an article from it was first published
 * @param lastPublished when an article (or a new revision of it) was last published
 * @param seq grows with every write of this URL's state: the status index's external version
 */
public record CrawlState(
    int schemaVersion,
    String url,
    String sourceId,
    FrontierUrl.Role role,
    Status status,
    int errorCount,
    Integer httpStatus,
    ReasonCode reason,
    String message,
    String contentHash,
    String etag,
    String lastModified,
    String redirectedTo,
    String discoveredFrom,
    List<String> redirectChain,
    String hintTitle,
    OffsetDateTime hintPublishedAt,
    Instant firstSeen,
    Instant lastFetched,
    Instant lastSuccess,
    Instant nextFetch,
    Instant firstPublished,
    Instant lastPublished,
    long seq) {

  public static final int SCHEMA_VERSION = 1;

  public CrawlState {
    redirectChain =
        redirectChain == null || redirectChain.isEmpty() ? null : List.copyOf(redirectChain);
  }

  /** Where a URL stands. */
  public enum Status {
    /** Known, not fetched yet. */
    DISCOVERED,
    /** Fetched (an article published, a feed read, or unchanged since the last fetch). */
    FETCHED,
    /** Answered with a redirect; the target has a state of its own. */
    REDIRECTED,
    /** Failed transiently ({@code errorCount} times in a row); retried with backoff. */
    FETCH_ERROR,
    /** Failed for good (too many transient failures, or a permanent one); dead-lettered. */
    ERROR,
    /** Not there (404, 410) or not ours to fetch (robots.txt). */
    GONE
  }

  /** A URL seen for the first time, due at once. */
  public static CrawlState discovered(FrontierUrl url, Instant now, long seq) {
    return new CrawlState(
        SCHEMA_VERSION,
        url.url(),
        url.sourceId(),
        url.role(),
        Status.DISCOVERED,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        url.discoveredFrom(),
        url.redirectChain(),
        url.hintTitle(),
        url.hintPublishedAt(),
        now,
        null,
        null,
        now,
        null,
        null,
        seq);
  }

  /** Whether the scheduler will fetch it again (otherwise only a replay brings it back). */
  public boolean scheduled() {
    return nextFetch != null;
  }

  /** As a frontier record: what a replay or a new owner needs to fetch it. */
  public FrontierUrl asFrontierUrl(Instant now) {
    return new FrontierUrl(
        FrontierUrl.SCHEMA_VERSION,
        url,
        sourceId,
        role,
        hintTitle,
        hintPublishedAt,
        now,
        discoveredFrom,
        null);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes a few fields of a state; everything else is kept. */
  public static final class Builder {
    private Status status;
    private int errorCount;
    private Integer httpStatus;
    private ReasonCode reason;
    private String message;
    private String contentHash;
    private String etag;
    private String lastModified;
    private String redirectedTo;
    private List<String> redirectChain;
    private String hintTitle;
    private OffsetDateTime hintPublishedAt;
    private Instant lastFetched;
    private Instant lastSuccess;
    private Instant nextFetch;
    private Instant firstPublished;
    private Instant lastPublished;
    private final CrawlState base;

    private Builder(CrawlState base) {
      this.base = base;
      this.status = base.status;
      this.errorCount = base.errorCount;
      this.httpStatus = base.httpStatus;
      this.reason = base.reason;
      this.message = base.message;
      this.contentHash = base.contentHash;
      this.etag = base.etag;
      this.lastModified = base.lastModified;
      this.redirectedTo = base.redirectedTo;
      this.redirectChain = base.redirectChain;
      this.hintTitle = base.hintTitle;
      this.hintPublishedAt = base.hintPublishedAt;
      this.lastFetched = base.lastFetched;
      this.lastSuccess = base.lastSuccess;
      this.nextFetch = base.nextFetch;
      this.firstPublished = base.firstPublished;
      this.lastPublished = base.lastPublished;
    }

    public Builder status(Status value) {
      status = value;
      return this;
    }

    public Builder errorCount(int value) {
      errorCount = value;
      return this;
    }

    public Builder httpStatus(Integer value) {
      httpStatus = value;
      return this;
    }

    /** The failure, or null reason and message after a success. */
    public Builder problem(ReasonCode code, String text) {
      reason = code;
      message = text;
      return this;
    }

    public Builder contentHash(String value) {
      contentHash = value;
      return this;
    }

    public Builder validators(String newEtag, String newLastModified) {
      etag = newEtag;
      lastModified = newLastModified;
      return this;
    }

    public Builder redirectedTo(String value) {
      redirectedTo = value;
      return this;
    }

    public Builder redirectChain(List<String> value) {
      redirectChain = value;
      return this;
    }

    public Builder hints(String title, OffsetDateTime publishedAt) {
      hintTitle = title;
      hintPublishedAt = publishedAt;
      return this;
    }

    public Builder lastFetched(Instant value) {
      lastFetched = value;
      return this;
    }

    public Builder lastSuccess(Instant value) {
      lastSuccess = value;
      return this;
    }

    public Builder nextFetch(Instant value) {
      nextFetch = value;
      return this;
    }

    public Builder published(Instant at) {
      if (firstPublished == null) {
        firstPublished = at;
      }
      lastPublished = at;
      return this;
    }

    /**
     * @param seq the new write's sequence number (greater than the base's)
     */
    public CrawlState build(long seq) {
      return new CrawlState(
          SCHEMA_VERSION,
          base.url,
          base.sourceId,
          base.role,
          status,
          errorCount,
          httpStatus,
          reason,
          message,
          contentHash,
          etag,
          lastModified,
          redirectedTo,
          base.discoveredFrom,
          redirectChain,
          hintTitle,
          hintPublishedAt,
          base.firstSeen,
          lastFetched,
          lastSuccess,
          nextFetch,
          firstPublished,
          lastPublished,
          seq);
    }
  }
}
