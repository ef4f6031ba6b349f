package io.healthwatch.crawler.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/** Reads back the responses {@link WarcArchive} wrote (or any WARC file's HTTP responses). */
public final class WarcPages {
  private WarcPages() {}

  /**
   * One archived response.
   *
   * @param sourceId the source it was fetched for, or null in a WARC file written elsewhere
   */
  public record Page(
      String url,
      String sourceId,
      int status,
      String contentType,
      byte[] body,
      Instant fetchedAt) {}

  /**
   * The WARC files at a path: the file itself, or every .warc / .warc.gz below a folder, sorted.
   */
  public static List<Path> files(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IOException(path + " is neither a WARC file nor a folder");
    }
    try (Stream<Path> all = Files.walk(path)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.warc(\\.gz)?"))
          .sorted()
          .toList();
    }
  }

  /** Hands over every HTTP response of a WARC file, in the file's order. */
  public static void read(Path file, Consumer<Page> into) throws IOException {
    try (var reader = new WarcReader(file)) {
      for (WarcRecord record : reader) {
        if (record instanceof WarcResponse response) {
          into.accept(page(response));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Page page(WarcResponse response) throws IOException {
    var http = response.http();
    byte[] body = http.body().stream().readAllBytes();
    return new Page(
        response.target(),
        response.headers().first(WarcArchive.SOURCE_HEADER).orElse(null),
        http.status(),
        http.headers().first("Content-Type").orElse(""),
        body,
        response.date());
  }

  /** All responses of a file (for tests and small files). */
  public static List<Page> readAll(Path file) throws IOException {
    var pages = new ArrayList<Page>();
    read(file, pages::add);
    return pages;
  }
}
