package io.healthwatch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy in front of a real server (the test node) that can make it look down or
 * overloaded for a while: what passes is served by the real server, so a test sees a real outage
 * and a real recovery without stopping the node other tests share.
 */
public final class FaultyHttpProxy implements AutoCloseable {
  private enum Mode {
    PASS,
    DOWN,
    GARBLE,
    THROTTLE
  }

  private final URI target;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final NodeForwarder forwarder;
  private volatile Mode mode = Mode.PASS;
  private final AtomicInteger throttleLeft = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();

  private FaultyHttpProxy(URI target, HttpServer server) {
    this.target = target;
    this.server = server;
    this.forwarder = new NodeForwarder(target);
  }

  public static FaultyHttpProxy start(String targetUrl) throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var proxy = new FaultyHttpProxy(URI.create(targetUrl), server);
    server.createContext("/", proxy::handle);
    server.setExecutor(proxy.executor);
    server.start();
    return proxy;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request is answered 503, as a load balancer does with no node behind it. */
  public void down() {
    mode = Mode.DOWN;
  }

  /** Every answer is malformed (a header no HTTP/1.1 client accepts), as from a broken proxy. */
  public void garble() {
    mode = Mode.GARBLE;
  }

  /** The next {@code requests} bulk requests are answered 429 (queue full), then all pass. */
  public void throttleBulk(int requests) {
    throttleLeft.set(requests);
    mode = Mode.THROTTLE;
  }

  public void pass() {
    mode = Mode.PASS;
  }

  /** Requests answered with an error instead of passed on. */
  public long refused() {
    return refused.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Mode now = mode;
      if (now == Mode.DOWN) {
        refuse(exchange, 503, "{\"error\":\"no node available\",\"status\":503}");
        return;
      }
      if (now == Mode.GARBLE) {
        refused.incrementAndGet();
        exchange.getResponseHeaders().add(":status", "200");
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      if (now == Mode.THROTTLE
          && exchange.getRequestURI().getPath().endsWith("/_bulk")
          && throttleLeft.getAndDecrement() > 0) {
        refuse(
            exchange,
            429,
            "{\"error\":{\"type\":\"rejected_execution_exception\",\"reason\":\"write queue"
                + " full\"},\"status\":429}");
        return;
      }
      forwarder.forward(exchange, body);
    }
  }

  private void refuse(HttpExchange exchange, int status, String json) throws IOException {
    refused.incrementAndGet();
    NodeForwarder.answer(exchange, status, json);
  }
}
