package io.healthwatch.crawler.fetch;

/**
 * A response that is not a failure: a page (2xx), unchanged (304), or a redirect (3xx with {@code
 * location}).
 *
 * @param finalUrl the URL answered (the requested one: redirects are not followed here)
 * @param headerCharset the charset the Content-Type header names, or null
 * @param location for a redirect, the absolute URL it points to; else null
 * @param etag, lastModified the validators the server gave, or null
 */
public record FetchedPage(
    String requestedUrl,
    String finalUrl,
    int status,
    String contentType,
    String headerCharset,
    byte[] body,
    String location,
    String etag,
    String lastModified) {

  public boolean isRedirect() {
    return location != null;
  }

  public boolean notModified() {
    return status == 304;
  }
}
