package io.healthwatch.crawler.archive;

import io.healthwatch.crawler.fetch.FetchedPage;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every fetched response to gzipped WARC files (jwarc), a new file past {@code
 * maxFileBytes}, so old pages can be extracted again without a re-crawl. Each record is a WARC
 * response with the HTTP status, the headers the crawler used (Content-Type, ETag, Last-Modified,
 * Location) and the body as decoded from gzip, plus {@value #SOURCE_HEADER} naming the source.
 */
public final class WarcArchive implements PageArchive {
  /** The WARC header that names the source a response was fetched for. */
  public static final String SOURCE_HEADER = "WARC-Healthwatch-Source";

  private static final Logger LOG = LoggerFactory.getLogger(WarcArchive.class);
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final long maxFileBytes;
  private final AtomicLong failures = new AtomicLong();
  private WarcWriter writer;
  private int fileNumber;

  public WarcArchive(Path directory, long maxFileBytes) throws IOException {
    this.directory = Files.createDirectories(directory);
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  public synchronized void keep(FetchedPage page, String sourceId, Instant fetchedAt) {
    try {
      if (writer == null || writer.position() >= maxFileBytes) {
        roll(fetchedAt);
      }
      var http = new HttpResponse.Builder(page.status(), reason(page.status()));
      addIfPresent(http, "ETag", page.etag());
      addIfPresent(http, "Last-Modified", page.lastModified());
      addIfPresent(http, "Location", page.location());
      http.body(
          page.contentType().isEmpty()
              ? MediaType.OCTET_STREAM
              : MediaType.parseLeniently(page.contentType()),
          page.body());
      if (!page.contentType().isEmpty()) {
        // As the server spelled it: the charset parameter is what re-extraction decodes with.
        http.setHeader("Content-Type", page.contentType());
      }
      var record =
          new WarcResponse.Builder(URI.create(page.finalUrl()))
              .date(fetchedAt)
              .addHeader(SOURCE_HEADER, sourceId)
              .body(http.build())
              .build();
      writer.write(record);
    } catch (IOException | RuntimeException e) {
      if (failures.incrementAndGet() % 1000 == 1) {
        LOG.warn(
            "WARC write failed in {} ({} so far): {}", directory, failures.get(), e.toString());
      }
    }
  }

  /** Responses that could not be written (a full disk, say). */
  public long failures() {
    return failures.get();
  }

  private void roll(Instant at) throws IOException {
    if (writer != null) {
      writer.close();
    }
    Path file =
        directory.resolve(
            "healthwatch-"
                + NAME_TIME.format(at)
                + "-"
                + String.format("%05d", fileNumber++)
                + ".warc.gz");
    writer =
        new WarcWriter(
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            WarcCompression.GZIP);
    LOG.info("writing fetched pages to {}", file);
  }

  private static void addIfPresent(HttpResponse.Builder http, String name, String value) {
    if (value != null) {
      http.addHeader(name, value);
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      default -> "Status " + status;
    };
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        LOG.warn("closing the WARC file failed: {}", e.toString());
      }
      writer = null;
    }
  }
}
