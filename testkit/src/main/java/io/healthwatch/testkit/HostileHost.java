package io.healthwatch.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A host on 127.0.0.1 that does what hostile or broken sites do, one behaviour per path: {@code
 * /hang} answers nothing, {@code /reset} resets the connection, {@code /drip} sends its body a byte
 * at a time, {@code /garbage} sends random bytes as HTML, {@code /bomb} sends a small gzip body
 * that inflates to 256 MB. Each behaviour has a feed ({@code /hang.xml}, ...) and a page ({@code
 * /a/hang.html}, ...); {@code /rss.xml} is a valid feed listing the five pages. Raw sockets, so
 * that a reset is a reset; it serves until closed and counts what it was asked.
 */
public final class HostileHost implements AutoCloseable {
  /** The behaviours, by the name in their paths. */
  public static final List<String> BEHAVIOURS = List.of("hang", "reset", "drip", "garbage", "bomb");

  private static final int BOMB_INFLATED = 256 * 1024 * 1024;

  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            var thread = new Thread(r, "hostile-host");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private final byte[] bomb;
  private volatile boolean open = true;

  private HostileHost(ServerSocket server, byte[] bomb) {
    this.server = server;
    this.bomb = bomb;
  }

  public static HostileHost start() throws IOException {
    var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    var host = new HostileHost(server, gzipOfZeros(BOMB_INFLATED));
    host.threads.execute(host::accept);
    return host;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Requests for a path so far. */
  public long requests(String path) {
    var count = requests.get(path);
    return count == null ? 0 : count.get();
  }

  private void accept() {
    while (open) {
      try {
        Socket socket = server.accept();
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      String path = requestPath(socket.getInputStream());
      if (path == null) {
        return;
      }
      requests.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
      OutputStream out = socket.getOutputStream();
      if (path.equals("/rss.xml")) {
        send(out, "200 OK", "application/rss+xml; charset=utf-8", feed(), Map.of());
        return;
      }
      String behaviour = behaviour(path);
      switch (behaviour == null ? "" : behaviour) {
        case "hang" -> {
          while (open && !socket.isClosed()) {
            Thread.sleep(200);
          }
        }
        case "reset" -> socket.setSoLinger(true, 0); // close() now sends RST
        case "drip" -> {
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                      + "Content-Length: 100000\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          while (open) {
            out.write('<');
            out.flush();
            Thread.sleep(300);
          }
        }
        case "garbage" -> {
          byte[] noise = new byte[64 * 1024];
          new Random(path.hashCode()).nextBytes(noise);
          send(
              out,
              "200 OK",
              path.endsWith(".xml") ? "application/rss+xml" : "text/html; charset=utf-8",
              noise,
              Map.of());
        }
        case "bomb" ->
            send(
                out,
                "200 OK",
                path.endsWith(".xml") ? "application/rss+xml" : "text/html; charset=utf-8",
                bomb,
                Map.of("Content-Encoding", "gzip"));
        default ->
            send(
                out,
                "404 Not Found",
                "text/plain",
                "not here".getBytes(StandardCharsets.UTF_8),
                Map.of());
      }
    } catch (IOException e) {
      // the client went away (it gave up on a hang or a drip): nothing to do
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String behaviour(String path) {
    for (String behaviour : BEHAVIOURS) {
      if (path.equals("/" + behaviour + ".xml") || path.equals("/a/" + behaviour + ".html")) {
        return behaviour;
      }
    }
    return null;
  }

  private byte[] feed() {
    var items = new StringBuilder();
    for (String behaviour : BEHAVIOURS) {
      items.append(
          "<item><title>"
              + behaviour
              + "</title><link>"
              + baseUrl()
              + "/a/"
              + behaviour
              + ".html</link><pubDate>"
              + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC))
              + "</pubDate></item>");
    }
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
            + "<title>hostile</title><link>"
            + baseUrl()
            + "/</link>"
            + items
            + "</channel></rss>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The path of the request line; the headers are read and dropped. */
  private static String requestPath(InputStream in) throws IOException {
    var line = new ByteArrayOutputStream();
    String first = null;
    int previous = -1;
    int c;
    int lineLength = 0;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).strip();
        if (first == null) {
          first = text;
        } else if (lineLength <= 1) {
          break; // the empty line after the headers
        }
        line.reset();
        lineLength = 0;
      } else {
        line.write(c);
        lineLength++;
      }
      previous = c;
      if (line.size() > 16 * 1024) {
        return null;
      }
    }
    if (first == null || previous == -1) {
      return null;
    }
    String[] parts = first.split(" ");
    return parts.length < 2 ? null : parts[1].replaceAll("\\?.*", "");
  }

  private static void send(
      OutputStream out, String status, String type, byte[] body, Map<String, String> headers)
      throws IOException {
    var head =
        new StringBuilder("HTTP/1.1 ")
            .append(status)
            .append("\r\nContent-Type: ")
            .append(type)
            .append("\r\nContent-Length: ")
            .append(body.length)
            .append("\r\nConnection: close\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static byte[] gzipOfZeros(int size) throws IOException {
    var buffer = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(buffer)) {
      byte[] zeros = new byte[1 << 20];
      for (int written = 0; written < size; written += zeros.length) {
        gzip.write(zeros);
      }
    }
    return buffer.toByteArray();
  }

  @Override
  public void close() {
    open = false;
    try {
      server.close();
    } catch (IOException e) {
      // closing
    }
    threads.shutdownNow();
  }
}
