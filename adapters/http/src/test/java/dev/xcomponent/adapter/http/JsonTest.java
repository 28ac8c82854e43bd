package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void toPlainUnwrapsNestedJsonAndKeepsNumbers() {
    JsonObject json =
        new JsonObject(
            "{\"a\":1,\"b\":2.5,\"c\":{\"d\":[1,{\"e\":true}],\"n\":null},\"big\":12345678901}");
    Object plain = Json.toPlain(json);
    assertThat(plain).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) plain;
    assertThat(map.get("a")).isEqualTo(1);
    assertThat(map.get("b")).isEqualTo(2.5);
    assertThat(map.get("big")).isEqualTo(12345678901L);
    Object c0 = map.get("c");
    assertThat(c0).isNotInstanceOf(JsonObject.class);
    Map<?, ?> c = (Map<?, ?>) c0;
    assertThat(c.containsKey("n")).isTrue();
    List<?> d = (List<?>) c.get("d");
    assertThat(d).isNotInstanceOf(JsonArray.class);
    assertThat(d.get(1)).isInstanceOf(Map.class).isEqualTo(Map.of("e", true));
  }

  @Test
  void toPlainHandlesMapsHoldingJsonObjects() {
    Map<String, Object> mixed =
        Map.of("inner", new JsonObject().put("x", new JsonArray().add(new JsonObject())));
    Map<?, ?> plain = (Map<?, ?>) Json.toPlain(mixed);
    Map<?, ?> inner = (Map<?, ?>) plain.get("inner");
    assertThat(inner.get("x")).isEqualTo(List.of(Map.of()));
    assertThat(((List<?>) inner.get("x")).get(0)).isNotInstanceOf(JsonObject.class);
  }

  @Test
  void toPlainMapOfNullIsEmpty() {
    assertThat(Json.toPlainMap(null)).isEmpty();
  }

  @Test
  void toJsonWrapsMapsAndListsAndStringifiesOddValues() {
    Object json =
        Json.toJson(
            Map.of(
                "list",
                List.of(1, Map.of("k", "v")),
                "dec",
                new BigDecimal("1.25"),
                "enum",
                java.time.DayOfWeek.MONDAY,
                "odd",
                new StringBuilder("sb")));
    assertThat(json).isInstanceOf(JsonObject.class);
    JsonObject o = (JsonObject) json;
    assertThat(o.getJsonArray("list").getJsonObject(1).getString("k")).isEqualTo("v");
    assertThat(o.getValue("dec")).isEqualTo(new BigDecimal("1.25"));
    assertThat(o.getString("enum")).isEqualTo("MONDAY");
    assertThat(o.getString("odd")).isEqualTo("sb");
    assertThat(o.encode()).contains("\"dec\":1.25");
  }

  @Test
  void toJsonKeepsScalarsAndNull() {
    assertThat(Json.toJson(null)).isNull();
    assertThat(Json.toJson("s")).isEqualTo("s");
    assertThat(Json.toJson(3L)).isEqualTo(3L);
    assertThat(Json.toJson(false)).isEqualTo(false);
    assertThat(Json.toJsonObject(null)).isNull();
    assertThat(Json.toJsonArray(null)).isNull();
  }
}
