package dev.xcomponent.app.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How log lines are written: {@code text} (the pattern of {@code logback.xml}, for people) or
 * {@code json} (one JSON object per line, see {@link JsonLineEncoder}, for log collectors). The
 * switch is made at start-up, programmatically: the console appenders of the root logger are set
 * aside for one that writes JSON to stderr, and put back by {@link #TEXT}. Other appenders (files
 * of a custom {@code logback.configurationFile}) keep their format. Without logback as the SLF4J
 * backend, nothing changes.
 */
public enum LogFormat {
  /** The human-readable pattern of {@code logback.xml}: the default. */
  TEXT,
  /** One JSON object per line. */
  JSON;

  /** The accepted values, for messages. */
  public static final String ACCEPTED = "json or text";

  private static final String JSON_APPENDER = "STDERR_JSON";
  private static final List<Appender<ILoggingEvent>> SET_ASIDE = new ArrayList<>();

  /** The format named {@code text} (case-insensitive, trimmed), or null when none is. */
  public static LogFormat parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "json" -> JSON;
      case "text" -> TEXT;
      default -> null;
    };
  }

  /** The value of {@code --log-format} and {@code LOG_FORMAT}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Makes every following log line of this process use this format. */
  public void apply() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    synchronized (SET_ASIDE) {
      Appender<ILoggingEvent> json = root.getAppender(JSON_APPENDER);
      if (this == JSON && json == null) {
        root.addAppender(jsonAppender(context));
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
          Appender<ILoggingEvent> a = it.next();
          if (a instanceof ConsoleAppender && !JSON_APPENDER.equals(a.getName())) {
            SET_ASIDE.add(a);
          }
        }
        SET_ASIDE.forEach(root::detachAppender);
      } else if (this == TEXT && json != null) {
        SET_ASIDE.forEach(root::addAppender);
        SET_ASIDE.clear();
        root.detachAppender(json);
        json.stop();
      }
    }
  }

  private static Appender<ILoggingEvent> jsonAppender(LoggerContext context) {
    JsonLineEncoder encoder = new JsonLineEncoder();
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(JSON_APPENDER);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
