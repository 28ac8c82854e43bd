package dev.xcomponent.adapter.http;

import dev.xcomponent.application.ComponentJson;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ComponentJsonTest {
  @Test
  void componentUsesYamlKeysAndSpellings() {
    JsonObject c = ComponentJson.component(Fixtures.shop());
    assertThat(c.getString("name")).isEqualTo("Shop");
    assertThat(c.getString("version")).isEqualTo("1.0.0");
    assertThat(c.getString("description")).isEqualTo("Test shop");
    assertThat(c.getString("entryMachine")).isEqualTo("Order");
    assertThat(c.getString("entryMachineMode")).isEqualTo("multiple");
    assertThat(c.getBoolean("autoCreateEntryPoint")).isFalse();
    assertThat(c.getString("hookErrorPolicy")).isEqualTo("continue");
    assertThat(c.containsKey("hookTimeoutMs")).isFalse();
    assertThat(c.containsKey("layout")).isFalse();
    JsonObject order = c.getJsonArray("stateMachines").getJsonObject(0);
    assertThat(order.getString("initialState")).isEqualTo("Draft");
    assertThat(order.getJsonArray("states").getJsonObject(2).getString("type")).isEqualTo("final");
    JsonObject t = order.getJsonArray("transitions").getJsonObject(0);
    assertThat(t.fieldNames()).containsExactly("from", "to", "event", "type", "resetOnTransition");
    assertThat(t.getString("type")).isEqualTo("regular");
    JsonObject payment = c.getJsonArray("stateMachines").getJsonObject(1);
    assertThat(payment.getJsonObject("contextSchema").getJsonObject("amount").encode())
        .isEqualTo("{\"type\":\"number\",\"label\":\"Amount\",\"required\":true,\"min\":0}");
  }

  @Test
  void machineWritesEveryOptionalField() {
    JsonObject m = ComponentJson.machine(Fixtures.rich());
    assertThat(m.getString("publicMemberType")).isEqualTo("FlowData");
    assertThat(m.getJsonObject("parentLink").encode())
        .isEqualTo("{\"enabled\":true,\"onStateChange\":\"CHILD_CHANGED\"}");
    assertThat(m.getString("description")).isEqualTo("a rich machine");
    JsonObject waiting = m.getJsonArray("states").getJsonObject(1);
    assertThat(waiting.getString("onEntry")).isEqualTo("enterWaiting");
    assertThat(waiting.getString("onExit")).isEqualTo("leaveWaiting");
    assertThat(waiting.getJsonObject("metadata").getString("color")).isEqualTo("blue");
    JsonObject rule = waiting.getJsonArray("cascadingRules").getJsonObject(0);
    assertThat(rule.encode())
        .isEqualTo(
            "{\"targetComponent\":\"Billing\",\"targetMachine\":\"Invoice\",\"targetState\":\"Open\","
                + "\"event\":\"CLOSE\",\"matchingRules\":[{\"eventProperty\":\"orderId\","
                + "\"instanceProperty\":\"orderId\",\"operator\":\"===\"}],"
                + "\"payload\":{\"id\":\"{{orderId}}\"}}");
    JsonObject cross = m.getJsonArray("transitions").getJsonObject(1);
    assertThat(cross.getString("type")).isEqualTo("cross_component");
    assertThat(cross.getLong("timeoutMs")).isEqualTo(5000L);
    assertThat(cross.getBoolean("resetOnTransition")).isFalse();
    assertThat(cross.getString("targetMachine")).isEqualTo("Invoice");
    assertThat(cross.getString("targetComponent")).isEqualTo("Billing");
    assertThat(cross.getString("targetEvent")).isEqualTo("OPEN");
    assertThat(cross.getString("targetState")).isEqualTo("Open");
    assertThat(cross.getJsonObject("contextMapping").getString("orderId")).isEqualTo("id");
    assertThat(cross.getString("triggeredMethod")).isEqualTo("onNotify");
    assertThat(cross.getJsonArray("matchingRules").getJsonObject(0).getString("operator"))
        .isEqualTo(">");
    assertThat(cross.getJsonObject("notifyParent").encode())
        .isEqualTo("{\"event\":\"CHILD_DONE\",\"includeState\":true,\"includeContext\":false}");
    assertThat(cross.getString("description")).isEqualTo("tell billing");
    assertThat(cross.getJsonObject("metadata").getInteger("k")).isEqualTo(1);
    assertThat(m.getJsonArray("transitions").getJsonObject(0).getString("type"))
        .isEqualTo("inter_machine");
  }

  @Test
  void summaryHasTheSameKeysForEveryComponent() {
    JsonObject s = ComponentJson.summary(Fixtures.gate());
    assertThat(s.fieldNames())
        .containsExactly("name", "version", "entryMachine", "entryMachineMode", "stateMachines");
    assertThat(s.getValue("version")).isNull();
    assertThat(s.getString("entryMachineMode")).isEqualTo("singleton");
    JsonObject m = s.getJsonArray("stateMachines").getJsonObject(0);
    assertThat(m.fieldNames())
        .containsExactly(
            "name", "initialState", "states", "transitions", "contextSchema", "publicMemberType");
    assertThat(m.getJsonArray("states").getJsonObject(1).encode())
        .isEqualTo("{\"name\":\"Closed\",\"type\":\"final\"}");
    assertThat(m.getJsonObject("contextSchema").isEmpty()).isTrue();
  }
}
