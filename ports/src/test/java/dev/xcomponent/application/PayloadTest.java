package dev.xcomponent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTest {

  @Test
  void keepsTheKeysInTheOrderTheyWereAddedAndGrowsPastItsFirstSize() {
    Payload p = Payload.of(1, "id", "i-1", "machineName", "Order");
    for (int i = 0; i < 20; i++) {
      p.with("k" + i, i);
    }
    List<String> keys = new ArrayList<>(p.keySet());
    assertThat(keys).hasSize(22).startsWith("id", "machineName", "k0").endsWith("k19");
    assertThat(p.get("k19")).isEqualTo(19);
    assertThat(p).hasSize(22);
  }

  @Test
  void aKeyAddedAgainKeepsItsPlaceAndTakesTheNewValue() {
    Payload p = Payload.of(3, "a", 1, "b", 2).with("a", 3);
    assertThat(p).hasSize(2);
    assertThat(new ArrayList<>(p.entrySet())).containsExactly(Map.entry("a", 3), Map.entry("b", 2));
  }

  @Test
  void nullValuesAreKeptAndTellApartFromMissingKeys() {
    Payload p = Payload.of(2, "parentInstanceId", null);
    assertThat(p.containsKey("parentInstanceId")).isTrue();
    assertThat(p.get("parentInstanceId")).isNull();
    assertThat(p.containsKey("other")).isFalse();
    assertThat(p.containsKey(null)).isFalse();
    assertThat(p.get(null)).isNull();
  }

  @Test
  void equalsAnyMapWithTheSameEntriesWhateverItsOrder() {
    Payload p = Payload.of(2, "a", 1, "b", List.of("x"));
    Map<String, Object> same = new HashMap<>();
    same.put("b", List.of("x"));
    same.put("a", 1);
    assertThat(p).isEqualTo(same);
    assertThat(p.hashCode()).isEqualTo(same.hashCode());
    assertThat(new LinkedHashMap<>(p)).isEqualTo(p);
  }

  @Test
  void cannotBeChangedThroughTheMapInterface() {
    Payload p = Payload.of(2, "a", 1);
    assertThatThrownBy(() -> p.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.entrySet().iterator().next().setValue(5))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(p).containsExactly(Map.entry("a", 1));
  }

  @Test
  void encodesToTheSameJsonAsAnOrderedMap() {
    Map<String, Object> nested = Payload.of(0, "type", "GO", "payload", Map.of());
    Payload p = Payload.of(3, "instanceId", "i-1", "event", nested, "publicMember", null);
    assertThat(new JsonObject(p).encode())
        .isEqualTo("{\"instanceId\":\"i-1\",\"event\":{\"type\":\"GO\",\"payload\":{}},\"publicMember\":null}");
  }
}
