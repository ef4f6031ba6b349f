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
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Makes one HTTP request and says what came of it, without waiting or retrying: politeness and
 * retries are the fetch queues' and the scheduler's. Sends the user agent, asks for gzip, sends the
 * validators of the last fetch (so an unchanged page is a 304), caps the size and the time a
 * response may take, and does not follow redirects (the target is a URL of its own, fetched in its
 * host's turn).
 */
public final class HttpFetcher {
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<Integer> TRANSIENT_4XX = Set.of(408, 425, 429);
  private static final long MAX_RETRY_AFTER_MILLIS = Duration.ofHours(1).toMillis();

  private final CrawlerConfig.Fetch config;
  private final HttpClient client;

  /** Cuts off responses that outlast {@code maxDurationMillis} (a host dripping bytes). */
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            var thread = new Thread(r, "fetch-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  public HttpFetcher(CrawlerConfig.Fetch config) {
    this.config = config;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(config.connectTimeoutMillis()))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A request without validators (robots.txt, a first fetch). */
  public FetchedPage fetch(String url) throws FetchException, InterruptedException {
    return fetch(url, null, null);
  }

  /**
   * @param etag, lastModified the validators of the last fetch of the URL, or null
   * @throws FetchException with the reason, how lasting it is, and any Retry-After
   */
  public FetchedPage fetch(String url, String etag, String lastModified)
      throws FetchException, InterruptedException {
    HttpRequest request = request(url, etag, lastModified);
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw FetchException.transientFailure(
          ReasonCode.FETCH_FAILED,
          url,
          "no answer within " + config.readTimeoutMillis() + " ms (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw FetchException.transientFailure(ReasonCode.FETCH_FAILED, url, describe(e));
    }
    int status = response.statusCode();
    String newEtag = response.headers().firstValue("ETag").orElse(null);
    String newLastModified = response.headers().firstValue("Last-Modified").orElse(null);
    if (status == 304) {
      discard(response);
      return new FetchedPage(url, url, 304, "", null, new byte[0], null, newEtag, newLastModified);
    }
    if (REDIRECTS.contains(status)) {
      discard(response);
      String location = response.headers().firstValue("Location").orElse("").trim();
      if (location.isEmpty()) {
        throw new FetchException(
            ReasonCode.HTTP_STATUS,
            url,
            "HTTP " + status + " without a Location",
            Failure.PERMANENT,
            status,
            0);
      }
      String target;
      try {
        target = response.uri().resolve(location.replace(" ", "%20")).toString();
      } catch (IllegalArgumentException e) {
        throw new FetchException(
            ReasonCode.HTTP_STATUS,
            url,
            "redirect to an invalid location: " + location,
            Failure.PERMANENT,
            status,
            0);
      }
      return new FetchedPage(url, url, status, "", null, new byte[0], target, null, null);
    }
    if (status >= 300) {
      discard(response);
      Failure failure =
          status == 404 || status == 410
              ? Failure.GONE
              : status >= 500 || TRANSIENT_4XX.contains(status)
                  ? Failure.TRANSIENT
                  : Failure.PERMANENT;
      throw new FetchException(
          ReasonCode.HTTP_STATUS, url, "HTTP " + status, failure, status, retryAfter(response));
    }
    return page(url, response, newEtag, newLastModified);
  }

  private HttpRequest request(String url, String etag, String lastModified) throws FetchException {
    try {
      var builder =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofMillis(config.readTimeoutMillis()))
              .header("User-Agent", config.userAgent())
              .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5")
              .header("Accept-Encoding", "gzip")
              .GET();
      if (etag != null) {
        builder.header("If-None-Match", etag);
      }
      if (lastModified != null) {
        builder.header("If-Modified-Since", lastModified);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw FetchException.permanent(
          ReasonCode.FETCH_FAILED, url, "not a valid URL: " + e.getMessage());
    }
  }

  private FetchedPage page(
      String url, HttpResponse<InputStream> response, String etag, String lastModified)
      throws FetchException {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > config.maxBytes()) {
      discard(response);
      throw tooLarge(url, "Content-Length " + declared + " exceeds the cap of ");
    }
    byte[] body = readBody(url, response);
    if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
      try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readNBytes(config.maxBytes() + 1);
      } catch (IOException e) {
        throw FetchException.transientFailure(
            ReasonCode.FETCH_FAILED, url, "gzip body unreadable: " + describe(e));
      }
      if (body.length > config.maxBytes()) {
        throw tooLarge(url, "decompressed response exceeds the cap of ");
      }
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    if (!type.isEmpty()
        && !type.contains("html")
        && !type.contains("xml")
        && !type.startsWith("text/")) {
      throw FetchException.permanent(ReasonCode.NOT_HTML, url, "content type " + contentType);
    }
    return new FetchedPage(
        url,
        response.uri().toString(),
        response.statusCode(),
        contentType,
        charsetOf(contentType),
        body,
        null,
        etag,
        lastModified);
  }

  /** The body, at most {@code maxBytes + 1}, cut off when it outlasts {@code maxDurationMillis}. */
  private byte[] readBody(String url, HttpResponse<InputStream> response) throws FetchException {
    var cutOff = new AtomicBoolean();
    InputStream in = response.body();
    var timer =
        WATCHDOG.schedule(
            () -> {
              cutOff.set(true);
              closeQuietly(in);
            },
            config.maxDurationMillis(),
            TimeUnit.MILLISECONDS);
    try (in) {
      byte[] body = in.readNBytes(config.maxBytes() + 1);
      if (body.length > config.maxBytes()) {
        throw tooLarge(url, "response exceeds the cap of ");
      }
      return body;
    } catch (IOException e) {
      throw FetchException.transientFailure(
          ReasonCode.FETCH_FAILED,
          url,
          cutOff.get()
              ? "response not complete after " + config.maxDurationMillis() + " ms"
              : "response cut off: " + describe(e));
    } finally {
      timer.cancel(false);
    }
  }

  private FetchException tooLarge(String url, String what) {
    return FetchException.permanent(ReasonCode.TOO_LARGE, url, what + config.maxBytes() + " bytes");
  }

  private static void discard(HttpResponse<InputStream> response) {
    closeQuietly(response.body());
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // The connection is given up either way.
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** Retry-After in seconds or as an HTTP date, in milliseconds from now (capped at an hour). */
  static long retryAfter(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse(null);
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Math.min(MAX_RETRY_AFTER_MILLIS, Math.max(0, Long.parseLong(value.trim()) * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        var at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        long millis = at.toInstant().toEpochMilli() - System.currentTimeMillis();
        return Math.min(MAX_RETRY_AFTER_MILLIS, Math.max(0, millis));
      } catch (DateTimeParseException notADate) {
        return 0;
      }
    }
  }

  /**
   * The charset parameter of a Content-Type value, or null; tolerant of spaces around the equals
   * sign and of quotes.
   */
  public static String charsetOf(String contentType) {
    for (String part : contentType.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("charset")) {
        String value = part.substring(eq + 1).replace("\"", "").replace("'", "").trim();
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }
}
