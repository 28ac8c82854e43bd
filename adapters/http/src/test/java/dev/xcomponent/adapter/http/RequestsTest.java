package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestsTest {
  @Test
  void identifiersAreBoundedAndFreeOfControls() {
    assertThat(Requests.identifier("id", null)).isNull();
    assertThat(Requests.identifier("id", "a".repeat(255))).hasSize(255);
    assertThat(Requests.identifier("id", "Ünïcødé-✓")).isEqualTo("Ünïcødé-✓");
    assertInvalid(() -> Requests.identifier("id", "a".repeat(256)), "'id' is longer than 255");
    assertInvalid(() -> Requests.identifier("name", "a\u0000b"), "'name' contains control");
    assertInvalid(() -> Requests.identifier("name", "a\nb"), "control");
    assertInvalid(() -> Requests.identifier("name", "a\u0085b"), "control");
    assertInvalid(() -> Requests.identifier("name", ""), "must not be empty");
  }

  @Test
  void bodiesMustBeJsonObjects() {
    assertThat(Requests.parseObject(null).isEmpty()).isTrue();
    assertThat(Requests.parseObject(Buffer.buffer("  ")).isEmpty()).isTrue();
    assertThat(Requests.parseObject(Buffer.buffer("{\"a\":1}")).getInteger("a")).isEqualTo(1);
    assertThatThrownBy(() -> Requests.parseObject(Buffer.buffer("{oops")))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_JSON"));
    assertInvalid(() -> Requests.parseObject(Buffer.buffer("[1]")), "must be a JSON object");
  }

  @Test
  void eventTypeComesFromTypeThenEvent() {
    assertThat(Requests.eventType(new JsonObject().put("type", "A").put("event", "B")))
        .isEqualTo("A");
    assertThat(Requests.eventType(new JsonObject().put("event", "B"))).isEqualTo("B");
    assertThat(Requests.eventType(new JsonObject().put("type", " ").put("event", "B")))
        .isEqualTo("B");
    assertInvalid(() -> Requests.eventType(new JsonObject()), Requests.MISSING_EVENT_TYPE);
    assertInvalid(
        () -> Requests.eventType(new JsonObject().put("type", 3)), "'type' must be a string");
  }

  @Test
  void objectFieldsAreConvertedToPlainMaps() {
    JsonObject body = new JsonObject("{\"context\":{\"a\":{\"b\":[1]}},\"payload\":[1]}");
    Map<String, Object> context = Requests.objectField(body, "context");
    assertThat(context).isEqualTo(Map.of("a", Map.of("b", java.util.List.of(1))));
    assertThat(context.get("a")).isNotInstanceOf(JsonObject.class);
    assertThat(Requests.objectField(body, "missing")).isEmpty();
    assertInvalid(() -> Requests.objectField(body, "payload"), "'payload' must be a JSON object");
  }

  private static void assertInvalid(Runnable call, String fragment) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("INVALID_REQUEST");
              assertThat(e.getMessage()).contains(fragment);
            });
  }
}
