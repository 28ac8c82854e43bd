package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.AvailableTransition;
import dev.xcomponent.port.BroadcastResult;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.HistoryEntry;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.PendingTimeout;
import dev.xcomponent.port.RuntimeInfo;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewsTest {
  static InstanceView view(Map<String, Object> publicMember, String parent) {
    return new InstanceView(
        "i-1",
        "Shop",
        "Order",
        "Draft",
        "active",
        Map.of("amount", 10, "nested", Map.of("a", List.of(1, 2))),
        publicMember,
        Map.of("raw", true),
        List.of(new PendingTimeout("EXPIRE", "Expired", 5000, 1200, "timeout")),
        100L,
        200L,
        parent,
        parent == null ? null : "Parent",
        true,
        false);
  }

  @Test
  void instanceHasTheDashboardFields() {
    JsonObject o = Views.instance(view(null, null));
    assertThat(o.fieldNames())
        .containsExactly(
            "id",
            "instanceId",
            "componentName",
            "machineName",
            "currentState",
            "status",
            "context",
            "pendingTimeouts",
            "createdAt",
            "updatedAt",
            "isEntryPoint",
            "finished");
    assertThat(o.getString("id")).isEqualTo("i-1");
    assertThat(o.getString("instanceId")).isEqualTo("i-1");
    assertThat(o.getJsonObject("context").getJsonObject("nested").getJsonArray("a").getInteger(1))
        .isEqualTo(2);
    assertThat(o.getJsonArray("pendingTimeouts").getJsonObject(0).encode())
        .isEqualTo(
            "{\"event\":\"EXPIRE\",\"remainingMs\":1200,\"targetState\":\"Expired\","
                + "\"totalMs\":5000,\"type\":\"timeout\"}");
    assertThat(o.getBoolean("isEntryPoint")).isTrue();
    assertThat(o.getBoolean("finished")).isFalse();
    assertThat(o.getLong("createdAt")).isEqualTo(100L);
  }

  @Test
  void instanceAddsPublicMemberAndParentWhenSet() {
    JsonObject o = Views.instance(view(Map.of("amount", 10), "p-1"));
    assertThat(o.getJsonObject("publicMember").getInteger("amount")).isEqualTo(10);
    assertThat(o.getString("parentInstanceId")).isEqualTo("p-1");
    assertThat(o.getString("parentMachineName")).isEqualTo("Parent");
  }

  @Test
  void outcomeCarriesStatesAndInstance() {
    JsonObject o =
        Views.outcome(new EventOutcome(false, "Draft", "Draft", view(null, null), "no transition"));
    assertThat(o.getBoolean("success")).isTrue();
    assertThat(o.getString("outcome")).isEqualTo("ignored");
    assertThat(o.getString("previousState")).isEqualTo("Draft");
    assertThat(o.getString("currentState")).isEqualTo("Draft");
    assertThat(o.getJsonObject("instance").getString("id")).isEqualTo("i-1");
    assertThat(o.getString("reason")).isEqualTo("no transition");
    JsonObject t = Views.outcome(new EventOutcome(true, "A", "B", null, null));
    assertThat(t.getString("outcome")).isEqualTo("transitioned");
    assertThat(t.containsKey("reason")).isFalse();
    assertThat(t.getValue("instance")).isNull();
  }

  @Test
  void smallRecordsMapFieldByField() {
    assertThat(Views.broadcast(new BroadcastResult(3, 2)).encode())
        .isEqualTo("{\"matched\":3,\"processed\":2}");
    assertThat(Views.runtime(new RuntimeInfo("r1", "Shop", "h", 3000, 42L)).encode())
        .isEqualTo(
            "{\"runtimeId\":\"r1\",\"componentName\":\"Shop\",\"host\":\"h\",\"port\":3000,"
                + "\"lastSeen\":42}");
    assertThat(
            Views.transition(
                    new AvailableTransition(
                        1, "SHIP", "Validated", "Shipped", "regular", null, null, false))
                .encode())
        .isEqualTo(
            "{\"index\":1,\"event\":\"SHIP\",\"from\":\"Validated\",\"to\":\"Shipped\","
                + "\"type\":\"regular\",\"targetMachine\":null,\"targetComponent\":null,"
                + "\"hasMatchingRules\":false}");
  }

  @Test
  void historyEntryKeepsItsFieldNames() {
    JsonObject h =
        Views.history(
            new HistoryEntry(
                "e1",
                2,
                "i-1",
                "Shop",
                "Order",
                "VALIDATE",
                Map.of("by", "bob"),
                "Draft",
                "Validated",
                Map.of("amount", 1),
                "Other",
                99L,
                null,
                null));
    assertThat(h.fieldNames())
        .containsExactly(
            "id",
            "seq",
            "instanceId",
            "componentName",
            "machineName",
            "eventType",
            "payload",
            "fromState",
            "toState",
            "data",
            "sourceComponent",
            "timestamp",
            "causationId",
            "correlationId");
    assertThat(h.getJsonObject("payload").getString("by")).isEqualTo("bob");
    assertThat(h.getString("sourceComponent")).isEqualTo("Other");
  }

  @Test
  void arrayOfNullIsEmpty() {
    assertThat(Views.array(null, Views::runtime).isEmpty()).isTrue();
  }
}
