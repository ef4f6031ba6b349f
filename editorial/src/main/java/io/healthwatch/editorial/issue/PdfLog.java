package io.healthwatch.editorial.issue;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J (it writes to java.util.logging otherwise, at INFO per
 * document): its warnings, such as a glyph missing from the font, reach the service's log as
 * warnings; its timings stay at debug.
 */
final class PdfLog implements XRLogger {
  private static final Logger LOG = LoggerFactory.getLogger("com.openhtmltopdf");

  private PdfLog() {}

  static synchronized void install() {
    if (!(XRLog.getLoggerImpl() instanceof PdfLog)) {
      XRLog.setLoggerImpl(new PdfLog());
    }
  }

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable th) {
    if (message != null && message.contains("is an unrecognized CSS property")) {
      // A template is written for browsers first; what only a browser knows is left out here.
      LOG.debug("{}: {}", where, message);
    } else if (level.intValue() >= Level.SEVERE.intValue()) {
      LOG.error("{}: {}", where, message, th);
    } else if (level.intValue() >= Level.WARNING.intValue()) {
      LOG.warn("{}: {}", where, message, th);
    } else {
      LOG.debug("{}: {}", where, message, th);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // The level is SLF4J's to set.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || LOG.isDebugEnabled();
  }
}
