package io.healthwatch.editorial.web;

import com.sun.net.httpserver.HttpExchange;
import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.editorial.EditorialConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the pages and the API, and through which names. On loopback they are open unless a
 * login is configured; bound to anything else they refuse to start without one. A login is the
 * editors' password (a session cookie follows: HttpOnly, SameSite=Strict, Secure when the public
 * address is https) or, for programs, an API token ({@code Authorization: Bearer}). Requests must
 * name an allowed Host, so a DNS-rebinding page on another name gets nowhere.
 */
final class EditorAccess {
  static final String COOKIE = "healthwatch_session";

  /** Failed logins from one address within {@link #FAILURE_WINDOW_SECONDS} before it must wait. */
  static final int MAX_FAILURES = 10;

  private static final long FAILURE_WINDOW_SECONDS = 600;
  private static final int MAX_SESSIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Who a request is: the editor (by session), a program (by token), or anyone (open pages). */
  enum Caller {
    EDITOR,
    PROGRAM,
    ANYONE
  }

  private final EditorialConfig.Login login;
  private final boolean loginRequired;
  private final boolean secureCookie;
  private final Set<String> hosts;
  private final Clock clock;
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  private record Failures(int count, Instant since) {}

  /**
   * @throws ConfigException when the pages would be reachable beyond loopback without a login or
   *     without knowing their own names
   */
  EditorAccess(EditorialConfig.Server server, InetSocketAddress bound, Clock clock) {
    this.login = server.login();
    this.clock = clock;
    boolean loopback = bound.getAddress() != null && bound.getAddress().isLoopbackAddress();
    boolean configured = !login.passwordHash().isBlank() || !login.tokens().isEmpty();
    if (!loopback && !configured) {
      throw new ConfigException(
          "server.host "
              + server.host()
              + " is reachable beyond this machine, and the pages have no login: set"
              + " server.login.passwordHash (./healthwatch password-hash) or server.login.tokens,"
              + " or listen on 127.0.0.1");
    }
    this.loginRequired = configured;
    this.secureCookie = server.publicUrl().startsWith("https://");
    var names = new HashSet<String>();
    int port = bound.getPort();
    for (String host : server.allowedHosts()) {
      names.add(normalize(host.contains(":") && !host.startsWith("[") ? host : host + ":" + port));
      names.add(normalize(host));
    }
    if (!server.publicUrl().isBlank()) {
      URI uri = URI.create(server.publicUrl());
      names.add(normalize(uri.getAuthority()));
    }
    if (loopback) {
      for (String host : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
        names.add(normalize(host + ":" + port));
      }
    } else if (!bound.getAddress().isAnyLocalAddress()) {
      names.add(normalize(bound.getAddress().getHostAddress() + ":" + port));
    }
    if (!loopback && names.isEmpty()) {
      throw new ConfigException(
          "server.host "
              + server.host()
              + " listens on every address: name the pages' address in server.publicUrl or"
              + " server.allowedHosts, so requests for other names are refused");
    }
    this.hosts = Set.copyOf(names);
  }

  boolean loginRequired() {
    return loginRequired;
  }

  /** Whether the request's Host header is one of the pages' names. */
  boolean hostAllowed(String host) {
    return host != null && hosts.contains(normalize(host));
  }

  /** Who is calling, or empty when a login is needed and none was shown. */
  Optional<Caller> caller(HttpExchange exchange) {
    if (!loginRequired) {
      return Optional.of(Caller.ANYONE);
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String digest = PasswordHash.tokenDigest(authorization.substring(7).strip());
      return login.tokens().contains(digest) ? Optional.of(Caller.PROGRAM) : Optional.empty();
    }
    String session = cookie(exchange, COOKIE);
    if (session != null) {
      Instant expires = sessions.get(session);
      if (expires != null && expires.isAfter(clock.instant())) {
        return Optional.of(Caller.EDITOR);
      }
      sessions.remove(session);
    }
    return Optional.empty();
  }

  /** The outcome of a login attempt: the cookie to set, or why not. */
  record LoginResult(String setCookie, String refusal, boolean throttled) {}

  LoginResult login(String password, String remote) {
    Instant now = clock.instant();
    Failures before = failures.get(remote);
    if (before != null
        && before.count() >= MAX_FAILURES
        && before.since().plusSeconds(FAILURE_WINDOW_SECONDS).isAfter(now)) {
      return new LoginResult(
          null, "too many failed logins from this address: try again later", true);
    }
    boolean ok =
        !login.passwordHash().isBlank()
            && password != null
            && PasswordHash.matches(password.toCharArray(), login.passwordHash());
    if (!ok) {
      failures.merge(
          remote,
          new Failures(1, now),
          (old, one) ->
              old.since().plusSeconds(FAILURE_WINDOW_SECONDS).isAfter(now)
                  ? new Failures(old.count() + 1, old.since())
                  : one);
      return new LoginResult(null, "wrong password", false);
    }
    failures.remove(remote);
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.entrySet().removeIf(e -> !e.getValue().isAfter(now));
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    sessions.put(id, now.plus(login.sessionTtl()));
    return new LoginResult(
        COOKIE
            + "="
            + id
            + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
            + login.sessionTtl().toSeconds()
            + (secureCookie ? "; Secure" : ""),
        null,
        false);
  }

  /** Ends the request's session; the cookie that clears it in the browser. */
  String logout(HttpExchange exchange) {
    String session = cookie(exchange, COOKIE);
    if (session != null) {
      sessions.remove(session);
    }
    return COOKIE
        + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
        + (secureCookie ? "; Secure" : "");
  }

  private static String cookie(HttpExchange exchange, String name) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
          return pair.substring(eq + 1).strip();
        }
      }
    }
    return null;
  }

  private static String normalize(String host) {
    return host.strip().toLowerCase(Locale.ROOT);
  }
}
