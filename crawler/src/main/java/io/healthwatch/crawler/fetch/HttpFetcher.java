package io.healthwatch.crawler.fetch;

import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.CrawlerConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one URL politely: per-host delay, a user agent, gzip, a size cap, and retries with
 * exponential backoff and jitter on network errors, 429 (honouring Retry-After) and 5xx.
 */
public final class HttpFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);

  private final CrawlerConfig.Fetch config;
  private final HostThrottle throttle;
  private final HttpClient client;
  private final Validators validators = new Validators(100_000);

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  public HttpFetcher(CrawlerConfig.Fetch config) {
    this.config = config;
    this.throttle = new HostThrottle(config.perHostDelayMillis());
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(config.connectTimeoutMillis()))
            // Followed here, hop by hop: the limit is ours, and each hop waits its host's turn.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public FetchedPage fetch(String url) throws FetchException, InterruptedException {
    return fetch(url, 0);
  }

  /**
   * @param hostDelayMillis a longer delay than the configured one for this host (robots.txt
   *     Crawl-delay), or 0
   */
  public FetchedPage fetch(String url, long hostDelayMillis)
      throws FetchException, InterruptedException {
    long retryAfterMillis = 0;
    String lastProblem = null;
    ReasonCode lastReason = ReasonCode.FETCH_FAILED;
    for (int attempt = 0; attempt <= config.retries(); attempt++) {
      if (attempt > 0) {
        long backoff = config.retryBaseDelayMillis() << (attempt - 1);
        long jitter = ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        Thread.sleep(Math.max(retryAfterMillis, backoff + jitter));
        LOG.info("retry {} of {} url={} after {}", attempt, config.retries(), url, lastProblem);
      }
      try {
        var response = sendFollowingRedirects(url, hostDelayMillis);
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
          response.body().close();
          lastReason = ReasonCode.HTTP_STATUS;
          lastProblem = "HTTP " + status;
          retryAfterMillis = retryAfter(response);
          continue;
        }
        if (status == 304) {
          response.body().close();
          return new FetchedPage(url, response.uri().toString(), 304, "", null, new byte[0]);
        }
        if (status >= 300) {
          response.body().close();
          throw new FetchException(ReasonCode.HTTP_STATUS, url, "HTTP " + status);
        }
        FetchedPage page = page(url, response);
        validators.remember(
            url,
            response.headers().firstValue("ETag").orElse(null),
            response.headers().firstValue("Last-Modified").orElse(null));
        return page;
      } catch (IOException e) {
        lastReason = ReasonCode.FETCH_FAILED;
        lastProblem =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        retryAfterMillis = 0;
      }
    }
    throw new FetchException(
        lastReason, url, lastProblem + " (after " + (config.retries() + 1) + " attempts)");
  }

  /**
   * Sends the request and follows up to {@code maxRedirects} redirects (301, 302, 303, 307, 308),
   * each hop through the politeness throttle of its host. A loop or a longer chain is an error.
   */
  private HttpResponse<InputStream> sendFollowingRedirects(String url, long hostDelayMillis)
      throws IOException, InterruptedException, FetchException {
    var visited = new LinkedHashSet<String>();
    String current = url;
    for (int hop = 0; ; hop++) {
      visited.add(current);
      throttle.acquire(current, hostDelayMillis);
      var response = client.send(request(current), HttpResponse.BodyHandlers.ofInputStream());
      String location = response.headers().firstValue("Location").orElse(null);
      if (!REDIRECTS.contains(response.statusCode()) || location == null) {
        return response;
      }
      response.body().close();
      String next;
      try {
        next = response.uri().resolve(location.trim()).toString();
      } catch (IllegalArgumentException e) {
        throw new FetchException(
            ReasonCode.HTTP_STATUS, url, "redirect to an invalid location: " + location);
      }
      if (visited.contains(next)) {
        throw new FetchException(
            ReasonCode.HTTP_STATUS,
            url,
            "redirect loop: " + String.join(" -> ", visited) + " -> " + next);
      }
      if (hop + 1 > config.maxRedirects()) {
        throw new FetchException(
            ReasonCode.HTTP_STATUS,
            url,
            "too many redirects (more than " + config.maxRedirects() + "; next: " + next + ")");
      }
      current = next;
    }
  }

  /** Conditional when the page was fetched before: an unchanged page comes back as a 304. */
  private HttpRequest request(String url) throws FetchException {
    try {
      var builder =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofMillis(config.readTimeoutMillis()))
              .header("User-Agent", config.userAgent())
              .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5")
              .header("Accept-Encoding", "gzip")
              .GET();
      Validators.Entry known = validators.get(url);
      if (known != null && known.etag() != null) {
        builder.header("If-None-Match", known.etag());
      }
      if (known != null && known.lastModified() != null) {
        builder.header("If-Modified-Since", known.lastModified());
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new FetchException(ReasonCode.FETCH_FAILED, url, "not a valid URL: " + e.getMessage());
    }
  }

  private FetchedPage page(String url, HttpResponse<InputStream> response)
      throws IOException, FetchException {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > config.maxBytes()) {
      response.body().close();
      throw new FetchException(
          ReasonCode.TOO_LARGE,
          url,
          "Content-Length " + declared + " exceeds the cap of " + config.maxBytes() + " bytes");
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(config.maxBytes() + 1);
    }
    if (body.length > config.maxBytes()) {
      throw new FetchException(
          ReasonCode.TOO_LARGE, url, "response exceeds the cap of " + config.maxBytes() + " bytes");
    }
    if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
      try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readNBytes(config.maxBytes() + 1);
      }
      if (body.length > config.maxBytes()) {
        throw new FetchException(
            ReasonCode.TOO_LARGE,
            url,
            "decompressed response exceeds the cap of " + config.maxBytes() + " bytes");
      }
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    if (!type.isEmpty()
        && !type.contains("html")
        && !type.contains("xml")
        && !type.startsWith("text/")) {
      throw new FetchException(ReasonCode.NOT_HTML, url, "content type " + contentType);
    }
    return new FetchedPage(
        url,
        response.uri().toString(),
        response.statusCode(),
        contentType,
        charsetOf(contentType),
        body);
  }

  private static long retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(
            value -> {
              try {
                return Math.min(60_000L, Long.parseLong(value.trim()) * 1000);
              } catch (NumberFormatException e) {
                return 0L;
              }
            })
        .orElse(0L);
  }

  /** The charset parameter of a Content-Type value, or null. */
  public static String charsetOf(String contentType) {
    for (String part : contentType.split(";")) {
      String trimmed = part.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return trimmed.substring(8).replace("\"", "").trim();
      }
    }
    return null;
  }
}
