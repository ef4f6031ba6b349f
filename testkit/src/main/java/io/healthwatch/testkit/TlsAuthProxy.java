package io.healthwatch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.healthwatch.devstack.services.LocalTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An OpenSearch node as a secured cluster shows itself: HTTPS with a self-signed certificate and
 * basic auth in front of the real local node, on 127.0.0.1. The local node has no security plugin
 * (the integration-test distribution), so this is how a client's TLS and credentials are tried for
 * real here: wrong ones are refused as the security plugin refuses them (401).
 */
public final class TlsAuthProxy implements AutoCloseable {
  private final HttpsServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final NodeForwarder forwarder;
  private final String expected;
  private final LocalTls.Material tls;
  private final AtomicLong refused = new AtomicLong();

  private TlsAuthProxy(HttpsServer server, URI target, String expected, LocalTls.Material tls) {
    this.server = server;
    this.forwarder = new NodeForwarder(target);
    this.expected = expected;
    this.tls = tls;
  }

  /**
   * @param tlsDir where the certificate is made (once)
   */
  public static TlsAuthProxy start(String targetUrl, String user, String password, Path tlsDir)
      throws Exception {
    var tls = new LocalTls(tlsDir).ensure();
    var keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(tls.keyStore())) {
      keys.load(in, tls.password().toCharArray());
    }
    var managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, tls.password().toCharArray());
    var context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    var server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    var proxy = new TlsAuthProxy(server, URI.create(targetUrl), basic, tls);
    server.createContext("/", proxy::handle);
    server.setExecutor(proxy.threads);
    server.start();
    return proxy;
  }

  public String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The trust store clients need (the certificate alone) and its password. */
  public LocalTls.Material tls() {
    return tls;
  }

  /** Requests refused for missing or wrong credentials. */
  public long refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        refused.incrementAndGet();
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"OpenSearch\"");
        NodeForwarder.answer(exchange, 401, "{\"error\":\"Unauthorized\",\"status\":401}");
        return;
      }
      forwarder.forward(exchange, exchange.getRequestBody().readAllBytes());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
