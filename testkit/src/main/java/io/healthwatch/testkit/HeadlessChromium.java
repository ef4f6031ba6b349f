package io.healthwatch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthwatch.contracts.Json;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium (Debian's {@code chromium} package) driven over the DevTools protocol, so a
 * test can open a page, type, click, wait for the next page and take a screenshot as a user would,
 * without a WebDriver. One page per browser; the browser listens on 127.0.0.1 only.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The browser, and a CJK font so that Chinese pages render as text in screenshots. */
  private static final String[] PACKAGES = {"chromium", "fonts-wqy-microhei"};

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private volatile CompletableFuture<Void> nextLoad = new CompletableFuture<>();

  /**
   * Where Chromium is installed, installing Debian's package first where the machine can (see
   * {@link DebianPackage}); empty, with the reason in {@link #missingBecause()}, where it cannot.
   */
  public static Optional<Path> executable() {
    Optional<Path> found = onPath();
    if (found.isEmpty() && DebianPackage.install(PACKAGES) == null) {
      found = onPath();
    }
    return found;
  }

  /** Why there is no Chromium, for a test's skip message. */
  public static String missingBecause() {
    String why = DebianPackage.install(PACKAGES);
    return "no chromium on PATH and it could not be installed: "
        + (why == null ? "installed, but not on PATH" : why);
  }

  /** The browser headless, with the given arguments after the ones every run here needs. */
  public static List<String> command(Path executable, String... arguments) {
    var command =
        new java.util.ArrayList<>(
            List.of(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                // the closed network here refuses Chromium's own connections, many at a time
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic"));
    command.addAll(List.of(arguments));
    return command;
  }

  private static Optional<Path> onPath() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  public static HeadlessChromium start(Path executable, int width, int height)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("healthwatch-chromium");
    Process process =
        new ProcessBuilder(
                command(
                    executable,
                    "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=0",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height,
                    "about:blank"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      URI browser = listeningAddress(process);
      URI page = pageAddress(browser);
      return new HeadlessChromium(process, profile, page);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private HeadlessChromium(Process process, Path profile, URI page) throws InterruptedException {
    this.process = process;
    this.profile = profile;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(page, new Listener())
            .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
            .join();
    send("Page.enable", Json.mapper().createObjectNode());
  }

  /** Opens an address and returns once the page has loaded. */
  public void open(String url) throws InterruptedException {
    whileLoading(() -> send("Page.navigate", Json.mapper().createObjectNode().put("url", url)));
  }

  /** Runs JavaScript in the page and returns its value (promises are awaited). */
  public JsonNode evaluate(String expression) throws InterruptedException {
    JsonNode result =
        send(
            "Runtime.evaluate",
            Json.mapper()
                .createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(
          "script failed: " + expression + ": " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** The text a user sees on the page. */
  public String text() throws InterruptedException {
    return evaluate("document.body.innerText").asText();
  }

  /**
   * Runs JavaScript that leads to another page (a click on a submit button, a link) and returns
   * once that page has loaded.
   */
  public void navigateBy(String expression) throws InterruptedException {
    whileLoading(() -> evaluate(expression));
  }

  /** Clicks the first element matching a CSS selector and waits for the page it leads to. */
  public void click(String selector) throws InterruptedException {
    navigateBy("(() => " + element(selector) + ".click())()");
  }

  /** Sets the value of a form field, as typing would. */
  public void type(String selector, String value) throws InterruptedException {
    evaluate("(() => { " + element(selector) + ".value = " + literal(value) + "; })()");
  }

  /** A script expression for the element, failing with the selector when nothing matches. */
  private static String element(String selector) {
    return "(document.querySelector("
        + literal(selector)
        + ") ?? (() => { throw new Error('nothing matches ' + "
        + literal(selector)
        + "); })())";
  }

  /** A PNG of the whole page (up to 6000 px tall), written to the file. */
  public void screenshot(Path file) throws IOException, InterruptedException {
    int height = Math.min(6000, evaluate("document.documentElement.scrollHeight").asInt(1400));
    int width = evaluate("window.innerWidth").asInt(1100);
    send(
        "Emulation.setDeviceMetricsOverride",
        Json.mapper()
            .createObjectNode()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", false));
    JsonNode shot =
        send("Page.captureScreenshot", Json.mapper().createObjectNode().put("format", "png"));
    send("Emulation.clearDeviceMetricsOverride", Json.mapper().createObjectNode());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  @Override
  public void close() {
    socket.abort();
    // Chromium's helpers (zygote, renderers) write to the profile too: stop them all first.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    helpers.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      helpers.forEach(ProcessHandle::destroyForcibly);
    }
    deleteProfile();
  }

  /** A temporary folder: a file Chromium still held is left to the system's tmp cleaning. */
  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // Written again after the walk; harmless in a temp folder.
        }
      }
    } catch (IOException e) {
      // The folder is already gone or unreadable; nothing to clean.
    }
  }

  private interface Action {
    void run() throws InterruptedException;
  }

  private void whileLoading(Action action) throws InterruptedException {
    var loaded = new CompletableFuture<Void>();
    nextLoad = loaded;
    action.run();
    try {
      loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the page did not load in " + TIMEOUT.toSeconds() + " s", e);
    }
  }

  private JsonNode send(String method, ObjectNode params) throws InterruptedException {
    int id = ids.incrementAndGet();
    var answer = new CompletableFuture<JsonNode>();
    pending.put(id, answer);
    ObjectNode message = Json.mapper().createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(message.toString(), true).join();
    try {
      JsonNode response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (response.has("error")) {
        throw new IllegalStateException(method + " failed: " + response.get("error"));
      }
      return response.path("result");
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(method + " got no answer from Chromium", e);
    } finally {
      pending.remove(id);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder frame = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        String text = frame.toString();
        frame.setLength(0);
        try {
          JsonNode message = Json.mapper().readTree(text);
          if (message.has("id")) {
            var answer = pending.get(message.get("id").asInt());
            if (answer != null) {
              answer.complete(message);
            }
          } else if ("Page.loadEventFired".equals(message.path("method").asText())) {
            nextLoad.complete(null);
          }
        } catch (IOException e) {
          // A frame that is not JSON is not from the protocol; nothing waits for it.
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  /** A string as a JavaScript literal (JSON strings are). */
  private static String literal(String value) {
    return Json.mapper().getNodeFactory().textNode(value).toString();
  }

  private static URI listeningAddress(Process process) throws IOException {
    var reader =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    var seen = new StringBuilder();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String line;
    while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        // Keep draining its error output so Chromium never blocks on a full pipe.
        Thread drain =
            new Thread(
                () -> {
                  try {
                    reader.transferTo(java.io.Writer.nullWriter());
                  } catch (IOException e) {
                    // The browser has gone; nothing to drain.
                  }
                },
                "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return URI.create(matcher.group(1));
      }
      seen.append(line).append('\n');
    }
    throw new IOException("Chromium did not open its DevTools port: " + seen);
  }

  private static URI pageAddress(URI browser) throws IOException {
    URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
    try {
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(list).timeout(TIMEOUT).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (JsonNode target : Json.mapper().readTree(body)) {
        if ("page".equals(target.path("type").asText())) {
          return URI.create(target.path("webSocketDebuggerUrl").asText());
        }
      }
      throw new IOException("Chromium has no page to drive: " + body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking Chromium for its page", e);
    }
  }
}
