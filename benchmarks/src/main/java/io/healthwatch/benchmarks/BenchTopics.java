package io.healthwatch.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/** A benchmark's topics (its namespace, internal ones included) go when it is done. */
final class BenchTopics {
  private BenchTopics() {}

  static void delete(String bootstrap, String ns) {
    try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      var names =
          admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
              .filter(name -> name.startsWith(ns))
              .toList();
      admin.deleteTopics(names).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("could not delete the benchmark's topics " + ns + "*: " + e);
    }
  }
}
