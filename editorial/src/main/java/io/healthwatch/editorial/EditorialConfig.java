package io.healthwatch.editorial;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.ConfigLoader;
import io.healthwatch.contracts.config.LogSettings;
import io.healthwatch.contracts.config.OpenSearchSettings;
import io.healthwatch.contracts.config.OpsSettings;
import io.healthwatch.contracts.config.ServiceArgs;
import io.healthwatch.indexer.IndexBootstrap;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The editorial service's configuration; defaults and meanings are in editorial-defaults.yml. */
public record EditorialConfig(
    String namespace,
    OpenSearchSettings opensearch,
    OpsSettings ops,
    LogSettings log,
    int indexReplicas,
    String chineseAnalysis,
    WeeklyCalendar calendar,
    Publishing publishing,
    Issues issues,
    Server server) {

  public EditorialConfig {
    namespace = io.healthwatch.contracts.topic.Namespace.configured(namespace);
    IndexBootstrap.requireSettings(indexReplicas, chineseAnalysis);
    ConfigException.require(calendar != null, "calendar", calendar, "{zone, startDay}");
  }

  /**
   * How weekly issues are numbered, chosen and written.
   *
   * @param anchors known issue numbers: later issues count up from the latest anchor at or before
   *     their window by the issues published since
   * @param articles articles per issue, most relevant first
   * @param outputDir where rendered issues are written (relative to the config file, as every path)
   * @param formats the documents written per issue: md, html, docx, pdf
   * @param template a Mustache template for the HTML issue (and so the PDF), blank for the bundled
   *     one (resources/templates/issue.html.mustache: the seed reports' layout)
   * @param pdfFont a TrueType font (.ttf or .ttc) with Chinese glyphs for the PDF, or auto: the
   *     first found of the usual system fonts
   */
  public record Issues(
      String title,
      String organisation,
      String subject,
      String scope,
      int articles,
      String outputDir,
      List<String> formats,
      String template,
      String pdfFont,
      List<Anchor> anchors) {
    public static final List<String> FORMATS = List.of("md", "html", "docx", "pdf");

    public Issues {
      ConfigException.require(
          articles >= 1 && articles <= 100, "issues.articles", articles, "1 to 100");
      formats = formats == null ? FORMATS : List.copyOf(formats);
      ConfigException.require(
          !formats.isEmpty() && FORMATS.containsAll(formats),
          "issues.formats",
          formats,
          "some of " + FORMATS);
      template = template == null ? "" : template.strip();
      pdfFont = pdfFont == null || pdfFont.isBlank() ? "auto" : pdfFont.strip();
      ConfigException.require(
          anchors != null && !anchors.isEmpty(),
          "issues.anchors",
          anchors,
          "at least one {windowEnd, number} anchor");
      anchors = anchors.stream().sorted(Comparator.comparing(Anchor::windowEnd)).toList();
    }

    /** The same with its paths resolved against a config file's folder. */
    Issues resolvedAgainst(Path configFile) {
      return new Issues(
          title,
          organisation,
          subject,
          scope,
          articles,
          ServiceArgs.resolve(configFile, outputDir).toString(),
          formats,
          template.isEmpty() ? "" : ServiceArgs.resolve(configFile, template).toString(),
          pdfFont.equals("auto") ? pdfFont : ServiceArgs.resolve(configFile, pdfFont).toString(),
          anchors);
    }
  }

  /**
   * @param enabled whether the service materializes each week's issue by itself once the week is
   *     over (the `issue` command and the pages do it on demand either way)
   * @param delay how long after the week closes it is published: late articles of the week are
   *     still taken until then
   * @param checkEvery how often the service looks for weeks to publish
   */
  public record Publishing(boolean enabled, Duration delay, Duration checkEvery) {
    public Publishing {
      ConfigException.require(
          delay != null && !delay.isNegative(),
          "publishing.delay",
          delay,
          "a duration such as PT2H");
      ConfigException.require(
          checkEvery != null && checkEvery.toSeconds() >= 1,
          "publishing.checkEvery",
          checkEvery,
          "a duration of a second or more");
    }
  }

  /** Issue {@code number} is the one whose window ends on {@code windowEnd}. */
  public record Anchor(LocalDate windowEnd, int number) {
    public Anchor {
      ConfigException.require(windowEnd != null, "issues.anchors.windowEnd", windowEnd, "a date");
      ConfigException.require(number >= 1, "issues.anchors.number", number, "a positive number");
    }
  }

  /**
   * The editors' pages and the API.
   *
   * @param host address to listen on; anything but loopback needs a login
   * @param port 0 for any free port, -1 for no pages (the publisher alone)
   * @param publicUrl the pages' address as users reach it (behind a proxy: https://...), or blank;
   *     the feed's links use it, and an https address makes the session cookie Secure
   * @param allowedHosts names requests may give as Host besides loopback's and publicUrl's
   * @param maxRequestBytes a request body (a form) larger than this is refused
   */
  public record Server(
      String host,
      int port,
      String publicUrl,
      List<String> allowedHosts,
      int maxRequestBytes,
      Login login) {
    public Server {
      ConfigException.require(host != null && !host.isBlank(), "server.host", host, "an address");
      ConfigException.require(port >= -1 && port <= 65_535, "server.port", port, "-1 to 65535");
      publicUrl = publicUrl == null ? "" : publicUrl.strip();
      ConfigException.require(
          publicUrl.isEmpty()
              || publicUrl.startsWith("http://")
              || publicUrl.startsWith("https://"),
          "server.publicUrl",
          publicUrl,
          "blank or an http(s) address such as https://editors.example.org");
      allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
      ConfigException.require(
          maxRequestBytes >= 1024, "server.maxRequestBytes", maxRequestBytes, "at least 1024");
      ConfigException.require(login != null, "server.login", login, "{passwordHash, tokens}");
    }
  }

  /**
   * @param passwordHash the editors' password as ./healthwatch password-hash prints it, or blank
   * @param tokens SHA-256 (hex) of the API tokens programs present as Authorization: Bearer
   * @param sessionTtl how long a login lasts
   */
  public record Login(String passwordHash, List<String> tokens, Duration sessionTtl) {
    public Login {
      passwordHash = passwordHash == null ? "" : passwordHash.strip();
      if (!passwordHash.isEmpty()) {
        try {
          io.healthwatch.editorial.web.PasswordHash.shape(passwordHash);
        } catch (IllegalArgumentException e) {
          throw ConfigException.invalid("server.login.passwordHash", "(hidden)", e.getMessage());
        }
      }
      tokens = tokens == null ? List.of() : tokens.stream().map(String::strip).toList();
      for (String token : tokens) {
        ConfigException.require(
            token.matches("[0-9a-f]{64}"),
            "server.login.tokens",
            "(hidden)",
            "SHA-256 digests in hex (./healthwatch password-hash --token prints one)");
      }
      ConfigException.require(
          sessionTtl != null && sessionTtl.toMinutes() >= 1,
          "server.login.sessionTtl",
          sessionTtl,
          "a duration such as PT12H");
    }
  }

  /** Loads the config; its paths come back resolved against the file's folder (or as given). */
  public static EditorialConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    var c = ConfigLoader.load(EditorialConfig.class, "editorial", file, env, overrides);
    return new EditorialConfig(
        c.namespace(),
        c.opensearch(),
        c.ops(),
        c.log(),
        c.indexReplicas(),
        c.chineseAnalysis(),
        c.calendar(),
        c.publishing(),
        c.issues().resolvedAgainst(file),
        c.server());
  }

  /** Where the issue files go. */
  public Path outputDir() {
    return Path.of(issues.outputDir());
  }
}
