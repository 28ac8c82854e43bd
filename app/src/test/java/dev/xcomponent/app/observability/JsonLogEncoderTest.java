package dev.xcomponent.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** One log event, one line of valid JSON with the standard fields, the MDC and the stack trace. */
class JsonLogEncoderTest {
  private final LoggerContext context = new LoggerContext();
  private final JsonLineEncoder encoder = new JsonLineEncoder();

  private JsonObject encode(LoggingEvent event) {
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertThat(line).endsWith("\n");
    assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
    return new JsonObject(line);
  }

  @Test
  void writesTheStandardFieldsTheMdcAndKeyValuePairs() {
    LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("dev.xcomponent.Test"), Level.WARN,
        "event {} for instance {} not processed: \"quoted\"\n\tsecond line \u0001", null, new Object[] {"PAY", "i-1"});
    event.setThreadName("vert.x-eventloop-thread-1");
    event.setInstant(Instant.parse("2025-01-02T03:04:05.678Z"));
    event.setMDCPropertyMap(Map.of("instanceId", "i-1", "correlationId", "c-9", "level", "shadowed"));
    event.addKeyValuePair(new KeyValuePair("component", "Payment"));

    JsonObject json = encode(event);

    assertThat(json.getString("timestamp")).isEqualTo("2025-01-02T03:04:05.678Z");
    assertThat(json.getString("level")).isEqualTo("WARN");
    assertThat(json.getString("logger")).isEqualTo("dev.xcomponent.Test");
    assertThat(json.getString("thread")).isEqualTo("vert.x-eventloop-thread-1");
    assertThat(json.getString("message"))
        .isEqualTo("event PAY for instance i-1 not processed: \"quoted\"\n\tsecond line \u0001");
    assertThat(json.getString("instanceId")).isEqualTo("i-1");
    assertThat(json.getString("correlationId")).isEqualTo("c-9");
    assertThat(json.getString("component")).isEqualTo("Payment");
    assertThat(json.containsKey("exception")).isFalse();
  }

  @Test
  void writesTheStackTraceOfAnException() {
    LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("x"), Level.ERROR, "boom",
        new IllegalStateException("broken"), null);
    event.setMDCPropertyMap(Map.of());

    JsonObject json = encode(event);

    assertThat(json.getString("message")).isEqualTo("boom");
    assertThat(json.getString("exception")).startsWith("java.lang.IllegalStateException: broken").contains("\tat ");
  }
}
