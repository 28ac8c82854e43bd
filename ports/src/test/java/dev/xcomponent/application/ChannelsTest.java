package dev.xcomponent.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelsTest {

  @Test
  void aCommandIsAddressedToTheGroupOfTheComponentItNames() {
    assertThat(Channels.addressee(Channels.CREATE_INSTANCE, Map.of("componentName", "Payment")))
        .isEqualTo("component.Payment");
    assertThat(Channels.addressee(Channels.TRIGGER_EVENT, Map.of("componentName", "Order", "instanceId", "i")))
        .isEqualTo("component.Order");
    assertThat(Channels.addressee(Channels.CROSS_COMPONENT_EVENT, Map.of("targetComponent", "Order", "componentName", "x")))
        .isEqualTo("component.Order");
  }

  @Test
  void aMessageNamingNoComponentIsForEveryGroup() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("componentName", null);
    assertThat(Channels.addressee(Channels.TRIGGER_EVENT, Map.of("instanceId", "i"))).isNull();
    assertThat(Channels.addressee(Channels.TRIGGER_EVENT, withNull)).isNull();
    assertThat(Channels.addressee(Channels.CREATE_INSTANCE, Map.of("componentName", " "))).isNull();
    assertThat(Channels.addressee(Channels.CREATE_INSTANCE, Map.of("componentName", 7))).isNull();
    assertThat(Channels.addressee(Channels.CROSS_COMPONENT_EVENT, Map.of("componentName", "Order"))).isNull();
    assertThat(Channels.addressee(Channels.QUERY_INSTANCES, Map.of("componentName", "Order"))).isNull();
    assertThat(Channels.addressee(Channels.component("Order"), Map.of("componentName", "Order"))).isNull();
  }
}
