package dev.xcomponent.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link JsonText} reads what Vert.x's decoder read from a JSONB column, with the same types. */
class JsonTextTest {
  private static final List<String> TEXTS = List.of(
      "{}", "[]", "{\"i\": 1}", "{\"a\": [1, 2.5, \"x\", true, false, null, {}, []]}",
      "{\"int\": 2147483647, \"intMin\": -2147483648, \"long\": 2147483648, \"negLong\": -2147483649}",
      "{\"maxLong\": 9223372036854775807, \"minLong\": -9223372036854775808}",
      "{\"big\": 92233720368547758070, \"negBig\": -12345678901234567890123}",
      "{\"zero\": 0, \"negZero\": -0, \"frac\": 0.1, \"exp\": 1e20, \"expNeg\": -2.5E-3, \"fracZero\": 1.0}",
      "{\"quote\": \"a\\\"b\\\\c\\/d\", \"controls\": \"\\b\\f\\n\\r\\t\\u0001\\u001f\"}",
      "{\"unicode\": \"h\u00e9llo \u2603 \ud83d\ude00\", \"escaped\": \"\\u00e9\\u2603\\ud83d\\ude00\"}",
      " { \"spaced\" :\t[ 1 ,\n2 ]\r} ", "{\"dup\": 1, \"dup\": 2}", "{\"nested\": {\"deep\": {\"deeper\": [[{\"x\": 1}]]}}}",
      "\"just a string\"", "42", "null");

  @Test
  void valuesAndTheirTypesAreThoseOfVertxDecoding() {
    for (String text : TEXTS) {
      Object expected = JsonValues.plain(Json.decodeValue(text));
      Object actual = JsonText.parse(text);
      assertThat(actual).as(text).isEqualTo(expected);
      assertSameTypes(actual, expected, text);
    }
  }

  @Test
  void collectionsReadAreUnmodifiable() {
    Object read = JsonText.parse("{\"a\": [1]}");
    assertThatThrownBy(() -> ((Map<String, Object>) read).put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<Object>) ((Map<?, ?>) read).get("a")).add(2))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void malformedTextIsRefused() {
    for (String bad : List.of("", "{", "{\"a\"}", "{\"a\": 1,}", "{,\"a\": 1}", "[1 2]", "[1,]", "{\"a\": 01}",
        "{\"a\": 1.}", "{\"a\": -}", "{\"a\": .5}", "{\"a\": tru}", "\"unterminated", "\"bad \\x escape\"",
        "\"\\u12g4\"", "\"raw \u0001 control\"", "{} {}", "{a: 1}", "{\"a\": 1} // comment")) {
      assertThatThrownBy(() -> JsonText.parse(bad)).as(bad).isInstanceOf(DecodeException.class);
    }
  }

  @Test
  void columnsReadAsTextGiveMapsAndLists() {
    assertThat(JsonValues.mapFromText(null)).isNull();
    assertThat(JsonValues.mapFromText("null")).isNull();
    assertThat(JsonValues.mapFromText("{\"x\": 1}")).containsEntry("x", 1);
    assertThatThrownBy(() -> JsonValues.mapFromText("[1]")).isInstanceOf(IllegalStateException.class);
    assertThat(JsonValues.listFromText(null)).isEmpty();
    assertThat(JsonValues.listFromText("[{\"dueAt\": 10}]")).containsExactly(Map.of("dueAt", 10));
    Map<String, Object> parsed = JsonValues.mapFromText("{\"x\": 1}");
    assertThat(JsonValues.mapFromText("{\"x\": 1}", "{\"x\": 1}", parsed)).isSameAs(parsed);
    assertThat(JsonValues.mapFromText("{\"y\": 2}", "{\"x\": 1}", parsed)).isEqualTo(Map.of("y", 2));
  }

  private static void assertSameTypes(Object actual, Object expected, String text) {
    if (expected == null) {
      assertThat(actual).as(text).isNull();
    } else if (expected instanceof Map<?, ?> e) {
      Map<?, ?> a = (Map<?, ?>) actual;
      assertThat(List.copyOf(a.keySet())).as(text).isEqualTo(List.copyOf(e.keySet()));
      e.forEach((k, v) -> assertSameTypes(a.get(k), v, text));
    } else if (expected instanceof List<?> e) {
      List<?> a = (List<?>) actual;
      for (int i = 0; i < e.size(); i++) {
        assertSameTypes(a.get(i), e.get(i), text);
      }
    } else {
      assertThat(actual.getClass()).as(text + ": " + expected).isEqualTo(expected.getClass());
    }
  }
}
