package dev.xcomponent.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
  @Test
  void theTextIsJsonThatDecodesToTheSameValues() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("nothing", null);
    nested.put("list", Arrays.asList(1, "two", true, null, 2.5, List.of()));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("quote", "it's \"quoted\" \\ back\\slash");
    map.put("controls", "tab\tnew\nline\rcr\u0001\u001f");
    map.put("unicode", "h\u00e9llo \u2603 \ud83d\ude00");
    map.put("int", 7);
    map.put("long", 9_007_199_254_740_993L);
    map.put("double", 0.1);
    map.put("big", new BigDecimal("12345678901234567890.5"));
    map.put("nested", nested);
    map.put("json", new JsonObject().put("a", new JsonArray().add(1)));
    map.put("empty", Map.of());
    String text = JsonValues.encode(map);
    JsonObject decoded = new JsonObject(text);
    assertThat(decoded.getString("quote")).isEqualTo(map.get("quote"));
    assertThat(decoded.getString("controls")).isEqualTo(map.get("controls"));
    assertThat(decoded.getString("unicode")).isEqualTo(map.get("unicode"));
    assertThat(decoded.getInteger("int")).isEqualTo(7);
    assertThat(decoded.getLong("long")).isEqualTo(9_007_199_254_740_993L);
    assertThat(decoded.getDouble("double")).isEqualTo(0.1);
    assertThat(text).contains("\"big\":12345678901234567890.5");
    assertThat(JsonValues.map(decoded)).containsEntry("nested", nested)
        .containsEntry("json", Map.of("a", List.of(1))).containsEntry("empty", Map.of());
  }

  @Test
  void numbersJsonCannotHoldAreRefused() {
    assertThatThrownBy(() -> JsonValues.encode(Map.of("x", Double.NaN))).isInstanceOf(EncodeException.class);
    assertThatThrownBy(() -> JsonValues.encode(Map.of("x", Float.POSITIVE_INFINITY))).isInstanceOf(EncodeException.class);
  }

  @Test
  void readValuesArePlainJavaCollections() {
    Object plain = JsonValues.plain(new JsonObject().put("a", new JsonObject().put("b", new JsonArray().add(new JsonObject()))));
    assertThat(plain).isInstanceOf(Map.class);
    Object inner = ((Map<?, ?>) plain).get("a");
    assertThat(inner).isInstanceOf(Map.class).isNotInstanceOf(JsonObject.class);
    assertThat(((Map<?, ?>) inner).get("b")).isInstanceOf(List.class).isNotInstanceOf(JsonArray.class);
    assertThat(JsonValues.map(null)).isNull();
    assertThat(JsonValues.list(null)).isEmpty();
  }
}
