package io.healthwatch.cli.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads counters from a service's Prometheus endpoint, summed over their labels. */
public final class MetricsScraper {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private static final Pattern OUTCOME = Pattern.compile("outcome=\"([^\"]*)\"");

  private MetricsScraper() {}

  /**
   * Counter totals by metric name (without the _total suffix), and by {@code name|outcome} for
   * counters with an outcome label; empty when the endpoint does not answer.
   */
  public static Map<String, Double> scrape(int port) {
    var totals = new HashMap<String, Double>();
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      for (String line : response.body().split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        String name = line.substring(0, brace > 0 ? brace : line.indexOf(' '));
        name = name.endsWith("_total") ? name.substring(0, name.length() - 6) : name;
        double value = Double.parseDouble(line.substring(space + 1));
        totals.merge(name, value, Double::sum);
        Matcher outcome = OUTCOME.matcher(line);
        if (outcome.find()) {
          totals.merge(name + "|" + outcome.group(1), value, Double::sum);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return totals;
  }
}
