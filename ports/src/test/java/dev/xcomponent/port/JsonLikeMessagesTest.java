package dev.xcomponent.port;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLikeMessagesTest {

  @Test
  void jsonLikeValuesAtAnyDepthPass() {
    Map<String, Object> message = new HashMap<>();
    message.put("s", "text");
    message.put("i", 1);
    message.put("l", 9_007_199_254_740_991L);
    message.put("d", 1.5);
    message.put("big", new BigDecimal("12.50"));
    message.put("b", true);
    message.put("nothing", null);
    message.put("list", Arrays.asList(1, null, "two", Map.of("x", List.of(false))));
    message.put("linked", new LinkedList<>(List.of("a", "b")));
    message.put("map", Map.of("inner", Map.of("deeper", List.of())));

    assertThatCode(() -> JsonLikeMessages.check(message)).doesNotThrowAnyException();
    assertThatCode(() -> JsonLikeMessages.check(Map.of())).doesNotThrowAnyException();
  }

  @Test
  void anotherTypeIsRefusedNamingItsPathAndClass() {
    Map<String, Object> message =
        Map.of("payload", Map.of("items", List.of("a", "b", new Object())));

    assertThatThrownBy(() -> JsonLikeMessages.check(message))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message value at $.payload.items[2] is not JSON-like: java.lang.Object");
  }

  @Test
  void aKeyThatIsNotAStringIsRefusedNamingTheMap() {
    Map<Object, Object> intKeys = new HashMap<>();
    intKeys.put(1, "one");

    assertThatThrownBy(() -> JsonLikeMessages.check(Map.of("m", List.of(intKeys))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message key at $.m[0] is not a string: 1");
  }

  @Test
  void nanAndInfiniteNumbersAreRefused() {
    assertThatThrownBy(() -> JsonLikeMessages.check(Map.of("nan", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message value at $.nan is not a finite number: NaN");
    assertThatThrownBy(() -> JsonLikeMessages.check(Map.of("inf", List.of(Float.POSITIVE_INFINITY))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message value at $.inf[0] is not a finite number: Infinity");
    assertThatThrownBy(() -> JsonLikeMessages.check(Map.of("neg", Double.NEGATIVE_INFINITY)))
        .hasMessageContaining("finite");
  }

  @Test
  void nestingIsBoundedAtMaxDepth() {
    assertThatCode(() -> JsonLikeMessages.check(Map.of("d", nested(JsonLikeMessages.MAX_DEPTH))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> JsonLikeMessages.check(Map.of("d", nested(JsonLikeMessages.MAX_DEPTH + 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("message nested deeper than " + JsonLikeMessages.MAX_DEPTH + " levels at $.d[0]");
  }

  @Test
  void aNullMessageIsRefused() {
    assertThatThrownBy(() -> JsonLikeMessages.check(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message must not be null");
  }

  /** A string wrapped in {@code levels} lists. */
  private static Object nested(int levels) {
    Object deep = "leaf";
    for (int i = 0; i < levels; i++) {
      List<Object> wrapper = new ArrayList<>();
      wrapper.add(deep);
      deep = wrapper;
    }
    return deep;
  }
}
