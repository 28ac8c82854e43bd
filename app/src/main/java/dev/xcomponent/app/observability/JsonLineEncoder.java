package dev.xcomponent.app.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * Writes each log event as one JSON object on one line (JSON Lines), for log collectors: {@code
 * timestamp} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread}, {@code message} (the
 * formatted message), then every MDC entry and every SLF4J key-value pair as a field of its own
 * (such as {@code instanceId} and {@code correlationId}), and {@code exception} (the stack trace)
 * when there is one. A field that would repeat one of the first five is left out. Needs nothing
 * but logback.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final Set<String> RESERVED = Set.of("timestamp", "level", "logger", "thread", "message", "exception");
  private static final byte[] NONE = new byte[0];

  @Override
  public byte[] headerBytes() {
    return NONE;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    StringBuilder b = new StringBuilder(256);
    b.append('{');
    field(b, "timestamp", DateTimeFormatter.ISO_INSTANT.format(event.getInstant()));
    b.append(',');
    field(b, "level", event.getLevel().toString());
    b.append(',');
    field(b, "logger", event.getLoggerName());
    b.append(',');
    field(b, "thread", event.getThreadName());
    b.append(',');
    field(b, "message", event.getFormattedMessage());
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      mdc.forEach((k, v) -> extra(b, k, v));
    }
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair p : pairs) {
        extra(b, p.key, p.value == null ? null : String.valueOf(p.value));
      }
    }
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      b.append(',');
      field(b, "exception", ThrowableProxyUtil.asString(thrown));
    }
    b.append("}\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return NONE;
  }

  private static void extra(StringBuilder b, String key, String value) {
    if (key != null && !RESERVED.contains(key)) {
      b.append(',');
      field(b, key, value);
    }
  }

  private static void field(StringBuilder b, String key, String value) {
    string(b, key);
    b.append(':');
    if (value == null) {
      b.append("null");
    } else {
      string(b, value);
    }
  }

  /** Appends {@code s} as a JSON string (RFC 8259 escapes; control characters as {@code \\uXXXX}). */
  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
