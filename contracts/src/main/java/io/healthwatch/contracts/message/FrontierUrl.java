package io.healthwatch.contracts.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A URL for the crawler: value of the frontier topic, keyed by its politeness key (host, or
 * registered domain) so that one crawler instance owns each host's URLs, their states and their
 * politeness. Links found on one instance's pages reach the owner of their host this way, and so do
 * replays of dead letters.
 *
 * @param role ENTRY for a feed, list page or sitemap (its links are followed), ARTICLE for an
 *     article page; ROBOTS only in crawl states (a host's robots.txt), never on the frontier
 * @param hintTitle, hintPublishedAt what a feed said of the article, used when the page lacks it
 * @param discoveredFrom the page that linked to it, null for a configured entry page
 * @param redirectChain for the target of a redirect: the URLs that redirected to it, in order (null
 *     otherwise); a loop or a chain longer than {@code fetch.maxRedirects} is an error
 */
public record FrontierUrl(
    int schemaVersion,
    String url,
    String sourceId,
    Role role,
    String hintTitle,
    OffsetDateTime hintPublishedAt,
    Instant enqueuedAt,
    String discoveredFrom,
    List<String> redirectChain) {

  public static final int SCHEMA_VERSION = 1;

  /** Record header that marks a dead letter sent back by {@code ./healthwatch replay}. */
  public static final String REPLAY_HEADER = "healthwatch.replay";

  public FrontierUrl {
    redirectChain =
        redirectChain == null || redirectChain.isEmpty() ? null : List.copyOf(redirectChain);
  }

  /** What the page at the URL is. */
  public enum Role {
    ENTRY,
    ARTICLE,
    ROBOTS
  }

  /** A link found on {@code page}. */
  public static FrontierUrl link(
      String url,
      String sourceId,
      Role role,
      String hintTitle,
      OffsetDateTime hintPublishedAt,
      String page,
      Instant now) {
    return new FrontierUrl(
        SCHEMA_VERSION, url, sourceId, role, hintTitle, hintPublishedAt, now, page, null);
  }

  /** Whether this is the next hop of a redirect (the fetch that redirected is still in hand). */
  public boolean continuesRedirect() {
    return redirectChain != null;
  }
}
