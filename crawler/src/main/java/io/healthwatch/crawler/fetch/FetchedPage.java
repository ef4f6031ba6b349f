package io.healthwatch.crawler.fetch;

/**
 * A successful response.
 *
 * @param finalUrl the URL after redirects
 * @param headerCharset the charset the Content-Type header names, or null
 */
public record FetchedPage(
    String requestedUrl,
    String finalUrl,
    int status,
    String contentType,
    String headerCharset,
    byte[] body) {}
