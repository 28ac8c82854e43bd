package dev.xcomponent.adapter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xcomponent.port.JsonLikeMessages;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
  @Test
  void aMessageIsOneUtf8JsonObject() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", "h\u00e9llo \u2603");
    m.put("n", 3);
    m.put("none", null);
    m.put("list", List.of(1, "two", false));
    m.put("nested", Map.of("d", new BigDecimal("99.95")));
    String json = new String(MessageCodec.encode(m), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo(
        "{\"text\":\"h\u00e9llo \u2603\",\"n\":3,\"none\":null,\"list\":[1,\"two\",false],\"nested\":{\"d\":99.95}}");
  }

  @Test
  void decodingGivesPlainMapsAndLists() {
    Map<String, Object> m = MessageCodec.decode(
        "{\"a\":{\"b\":[1,{\"c\":true}]},\"big\":9007199254740991,\"x\":1.5}".getBytes(StandardCharsets.UTF_8));
    assertThat(m.get("a")).isInstanceOf(Map.class);
    Object list = ((Map<?, ?>) m.get("a")).get("b");
    assertThat(list).isInstanceOf(List.class);
    assertThat(((List<?>) list).get(1)).isInstanceOf(Map.class);
    assertThat(m.get("big")).isEqualTo(9_007_199_254_740_991L);
    assertThat(m.get("x")).isEqualTo(1.5);
  }

  @Test
  void whatIsNotJsonLikeIsRefusedNamingWhere() {
    Map<String, Object> thread = new HashMap<>();
    thread.put("inner", Map.of("t", new Object()));
    assertThatThrownBy(() -> MessageCodec.encode(thread))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.inner.t");
    Map<Object, Object> intKeys = new HashMap<>();
    intKeys.put(1, "one");
    assertThatThrownBy(() -> MessageCodec.encode(Map.of("m", intKeys))).hasMessageContaining("not a string");
    assertThatThrownBy(() -> MessageCodec.encode(Map.of("nan", Double.NaN))).hasMessageContaining("finite");
    assertThatThrownBy(() -> MessageCodec.encode(Map.of("inf", Float.POSITIVE_INFINITY))).hasMessageContaining("finite");
    assertThatThrownBy(() -> MessageCodec.encode(null)).hasMessageContaining("null");
  }

  @Test
  void nestingIsBounded() {
    Object deep = "leaf";
    for (int i = 0; i < JsonLikeMessages.MAX_DEPTH + 1; i++) {
      List<Object> wrapper = new ArrayList<>();
      wrapper.add(deep);
      deep = wrapper;
    }
    Object tooDeep = deep;
    assertThatThrownBy(() -> MessageCodec.encode(Map.of("d", tooDeep))).hasMessageContaining("deeper");
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsRefused() {
    for (String body : List.of("not json", "[1,2]", "\"text\"", "", "{\"a\":")) {
      assertThatThrownBy(() -> MessageCodec.decode(body.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a JSON object");
    }
  }
}
