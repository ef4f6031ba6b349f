package io.healthwatch.contracts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.LogSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogSetupTest {
  private static final Logger LOG = LoggerFactory.getLogger("io.healthwatch.test.LogSetupTest");
  private final PrintStream stderr = System.err;

  @AfterEach
  void restore() {
    System.setErr(stderr);
    LogSetup.apply("test", LogSettings.defaults());
  }

  private String capture(Runnable logging) {
    var buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      logging.run();
    } finally {
      System.setErr(stderr);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonEventsCarryTheServiceTheMdcAndTheMessage() throws Exception {
    assertTrue(LogSetup.apply("indexer", new LogSettings("json", "info", Map.of())));
    String out =
        capture(
            () -> {
              MDC.put("partition", "tagged-2");
              try {
                LOG.info("bulk of {} documents", 500);
              } finally {
                MDC.remove("partition");
              }
            });
    var lines = out.strip().lines().toList();
    assertEquals(1, lines.size(), out);
    var event = new ObjectMapper().readTree(lines.get(0));
    assertEquals("bulk of 500 documents", event.path("message").asText());
    assertEquals("INFO", event.path("level").asText());
    assertEquals("indexer", event.path("service").asText());
    assertEquals("tagged-2", event.path("partition").asText());
    assertTrue(event.has("@timestamp"), out);
  }

  @Test
  void textComesBackAfterJsonAndLevelsApply() {
    LogSetup.apply("indexer", new LogSettings("json", "info", Map.of()));
    LogSetup.apply(
        "indexer", new LogSettings("text", "warn", Map.of("io.healthwatch.test", "debug")));
    String out =
        capture(
            () -> {
              LOG.debug("asked for by its package");
              LoggerFactory.getLogger("io.healthwatch.other").info("below the root level");
            });
    assertTrue(out.contains(" DEBUG LogSetupTest - asked for by its package"), out);
    assertFalse(out.contains("below the root level"), out);
    assertFalse(out.contains("{"), out);
  }

  @Test
  void theBundledLevelsComeBackWhenALaterSettingDropsThem() {
    LogSetup.apply("indexer", new LogSettings("text", "info", Map.of("org.apache.kafka", "debug")));
    LogSetup.apply("indexer", LogSettings.defaults());
    String out = capture(() -> LoggerFactory.getLogger("org.apache.kafka.x").info("chatty"));
    assertEquals("", out);
  }

  @Test
  void badValuesNameTheKey() {
    var format =
        assertThrows(ConfigException.class, () -> new LogSettings("xml", "info", Map.of()));
    assertTrue(format.getMessage().contains("log.format"), format.getMessage());
    var level =
        assertThrows(
            ConfigException.class, () -> new LogSettings("text", "info", Map.of("a.b", "loud")));
    assertTrue(level.getMessage().contains("log.levels.a.b"), level.getMessage());
  }
}
