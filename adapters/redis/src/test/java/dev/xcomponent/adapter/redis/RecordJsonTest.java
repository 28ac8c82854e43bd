package dev.xcomponent.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events and snapshots decode, field by field from their bytes ({@link JsonReader}), to what they
 * were, with the value types Vert.x's decoder gives; anything else is refused.
 */
class RecordJsonTest {
  private static final Map<String, Object> DATA = data();

  private static Map<String, Object> data() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("nothing", null);
    nested.put("list", Arrays.asList(1, "two", true, null, 2.5, List.of(), Map.of()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("int", 7);
    m.put("long", 9_007_199_254_740_993L);
    m.put("big", new BigInteger("123456789012345678901234567890"));
    m.put("double", 0.1);
    m.put("text", "quote \" backslash \\ slash / tab\t newline\n control\u0001 accent \u00e9 snowman \u2603 \ud83d\ude00");
    m.put("nested", nested);
    return m;
  }

  @Test
  void anEventDecodesToWhatWasEncoded() {
    StoredEvent e = new StoredEvent("id-1", "inst-1", 3, "Comp", "Order", "PAY", DATA, "New", "Paid",
        Map.of("Id", 1), Map.of("Id", 1), DATA, "active", 2, "Other", "corr", "cause-1", "key-1", 1234);
    StoredEvent back = EventJson.decode(EventJson.encode(e).getBytes(StandardCharsets.UTF_8));
    assertThat(back).isEqualTo(e);
    assertSameTypes(back.payload(), DATA);
    assertSameTypes(back.context(), DATA);
  }

  @Test
  void anEventWithoutContextSharesItsDataMap() {
    StoredEvent e = new StoredEvent("id-2", "inst-2", 1, "Comp", "Order", StoredEvent.INSTANCE_CREATED, Map.of(),
        "", "New", DATA, null, DATA, "active", -1, null, "corr", null, null, 5);
    StoredEvent back = EventJson.decode(EventJson.encode(e));
    assertThat(back).isEqualTo(e);
    assertThat(back.context()).isSameAs(back.data());
    assertThat(back.causationId()).isNull();
  }

  @Test
  void aSnapshotDecodesToWhatWasEncoded() {
    InstanceSnapshot s = new InstanceSnapshot("inst-3", "Comp", "Order", "Paid", "active", Map.of("Id", 7), DATA,
        1, 2, true, "parent-1", "Parent", 3, "corr", "last-1",
        List.of(new InstanceSnapshot.ArmedTimer(0, 10), new InstanceSnapshot.ArmedTimer(4, 3_000_000_000L)));
    InstanceSnapshot back = SnapshotJson.decode(SnapshotJson.encode(s).getBytes(StandardCharsets.UTF_8));
    assertThat(back).isEqualTo(s);
    assertSameTypes(back.context(), DATA);
    InstanceSnapshot bare = new InstanceSnapshot("inst-4", "Comp", "Order", "New", "completed", null, Map.of(),
        1, 2, false, null, null, 1, null, null, List.of());
    assertThat(SnapshotJson.decode(SnapshotJson.encode(bare))).isEqualTo(bare);
  }

  @Test
  void fieldsComeInAnyOrderAndUnknownOnesAreSkipped() {
    JsonObject o = new JsonObject(EventJson.encode(new StoredEvent("id-5", "inst-5", 2, "Comp", "Order", "GO",
        Map.of(), "A", "B", Map.of("x", 1), null, Map.of("x", 1), "active", 0, null, "corr", null, null, 9)));
    JsonObject reordered = new JsonObject().put("extra", new JsonObject().put("deep", List.of(1, List.of())));
    List<String> names = new ArrayList<>(o.fieldNames());
    Collections.reverse(names);
    names.forEach(n -> reordered.put(n, o.getValue(n)));
    StoredEvent back = EventJson.decode(reordered.encode());
    assertThat(back.seq()).isEqualTo(2);
    assertThat(back.eventType()).isEqualTo("GO");
    assertThat(back.data()).isEqualTo(Map.of("x", 1));
  }

  @Test
  void valuesReadAreThoseOfVertxDecoding() {
    for (String text : List.of("{\"a\": [1, 2147483648, -2147483649, 92233720368547758070, 1.0, -0, 1e5]}",
        "{\"s\": \"\\u00e9\\ud83d\\ude00 \u00e9\", \"e\": {}, \"l\": [[], [{}]], \"n\": null, \"t\": true}")) {
      JsonReader r = JsonReader.ofObject(text.getBytes(StandardCharsets.UTF_8));
      Map<String, Object> read = new LinkedHashMap<>();
      for (String f = r.nextField(); f != null; f = r.nextField()) {
        read.put(f, r.value());
      }
      r.end();
      Object expected = JsonValues.plain(Json.decodeValue(text));
      assertThat(read).isEqualTo(expected);
      assertSameTypes(read, expected);
    }
  }

  @Test
  void anythingElseIsRefused() {
    String event = EventJson.encode(new StoredEvent("id-6", "inst-6", 2, "Comp", "Order", "GO", Map.of(), "A", "B",
        Map.of(), null, Map.of(), "active", 0, null, "corr", null, null, 9));
    for (String bad : List.of("", "[]", "{", "{\"id\": 1}", event.replace("\"seq\":2", "\"seq\":\"2\""),
        event.replace("\"seq\":2,", ""), event.substring(0, event.length() - 1), event + "x",
        event.replace("\"event\":{", "\"event\":[").replace("},\"stateBefore\"", "],\"stateBefore\""),
        event.replace(",\"seq\"", " \"seq\""), "{\"a\": 1,}")) {
      assertThatThrownBy(() -> EventJson.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> SnapshotJson.decode("{\"seq\": 1}")).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertSameTypes(Object actual, Object expected) {
    if (expected == null) {
      assertThat(actual).isNull();
    } else if (expected instanceof Map<?, ?> e) {
      Map<?, ?> a = (Map<?, ?>) actual;
      assertThat(List.copyOf(a.keySet())).isEqualTo(List.copyOf(e.keySet()));
      e.forEach((k, v) -> assertSameTypes(a.get(k), v));
    } else if (expected instanceof List<?> e) {
      List<?> a = (List<?>) actual;
      assertThat(a).hasSameSizeAs(e);
      for (int i = 0; i < e.size(); i++) {
        assertSameTypes(a.get(i), e.get(i));
      }
    } else {
      assertThat(actual.getClass()).as(String.valueOf(expected)).isEqualTo(expected.getClass());
    }
  }
}
