package io.healthwatch.contracts.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import io.healthwatch.contracts.Json;
import io.healthwatch.contracts.config.BuildVersion;
import io.healthwatch.contracts.config.LogSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Applies a service's {@link LogSettings} to Logback once its config is read: the levels, and the
 * format of the one appender on stderr. The text appender is the bundled logback.xml's; the JSON
 * one is built here, so both formats write to the same stream and a switch back restores the text.
 */
public final class LogSetup {
  /** The bundled logback.xml's appender. */
  private static final String TEXT_APPENDER = "STDERR";

  private static final String JSON_APPENDER = "JSON";

  /** Levels the bundled logback.xml sets, restored when a later setting does not name them. */
  private static final Map<String, Level> BUNDLED = new LinkedHashMap<>();

  private static Appender<ILoggingEvent> text;

  private LogSetup() {}

  /**
   * @param service written into every JSON event as {@code service}, with the build's version
   * @return whether Logback was there to configure (false when another SLF4J binding won)
   */
  public static synchronized boolean apply(String service, LogSettings settings) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return false;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (text == null) {
      text = root.getAppender(TEXT_APPENDER);
      for (Logger logger : context.getLoggerList()) {
        if (logger != root && logger.getLevel() != null) {
          BUNDLED.put(logger.getName(), logger.getLevel());
        }
      }
    }
    root.setLevel(Level.toLevel(settings.level()));
    for (Logger logger : context.getLoggerList()) {
      if (logger != root) {
        logger.setLevel(BUNDLED.get(logger.getName()));
      }
    }
    settings
        .levels()
        .forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
    Appender<ILoggingEvent> current = root.getAppender(JSON_APPENDER);
    if (settings.json()) {
      if (current != null) {
        root.detachAppender(current);
        current.stop();
      }
      root.addAppender(json(context, service));
      if (text != null) {
        root.detachAppender(text);
      }
    } else {
      if (current != null) {
        root.detachAppender(current);
        current.stop();
      }
      if (text != null && root.getAppender(TEXT_APPENDER) == null) {
        root.addAppender(text);
      }
    }
    return true;
  }

  private static Appender<ILoggingEvent> json(LoggerContext context, String service) {
    var encoder = new LogstashEncoder();
    encoder.setContext(context);
    try {
      encoder.setCustomFields(
          Json.mapper()
              .writeValueAsString(
                  Map.of("service", service, "version", BuildVersion.of(LogSetup.class))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    encoder.start();
    var appender = new ConsoleAppender<ILoggingEvent>();
    appender.setContext(context);
    appender.setName(JSON_APPENDER);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
