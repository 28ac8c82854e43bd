package dev.xcomponent.adapter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RabbitTopologyTest {
  @Test
  void theReferenceNames() {
    assertThat(RabbitTopology.EXCHANGE).isEqualTo("xcomponent.events");
    assertThat(RabbitTopology.EXCHANGE_TYPE).isEqualTo("topic");
    assertThat(RabbitTopology.routingKey("fsm:events:state_change")).isEqualTo("fsm.events.state_change");
    assertThat(RabbitTopology.routingKey("xcomponent:Order")).isEqualTo("xcomponent.Order");
    assertThat(RabbitTopology.groupQueue("Order")).isEqualTo("xcomponent.group.Order");
    assertThat(RabbitTopology.fanOutQueue("fsm.registry.announce"))
        .matches("xcomponent\\.fsm\\.registry\\.announce\\.[0-9]{13}\\.[0-9a-z]+");
    assertThat(RabbitTopology.fanOutQueue("a")).isNotEqualTo(RabbitTopology.fanOutQueue("a"));
  }

  @Test
  void namesTheBrokerCannotTakeAreRefused() {
    assertThatThrownBy(() -> RabbitTopology.routingKey(" ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> RabbitTopology.routingKey(null)).hasMessageContaining("blank");
    assertThatThrownBy(() -> RabbitTopology.routingKey("fsm:*")).hasMessageContaining("wildcards");
    assertThatThrownBy(() -> RabbitTopology.routingKey("fsm:#")).hasMessageContaining("wildcards");
    assertThatThrownBy(() -> RabbitTopology.routingKey("x".repeat(256))).hasMessageContaining("255");
    assertThatThrownBy(() -> RabbitTopology.groupQueue("")).hasMessageContaining("blank");
    assertThatThrownBy(() -> RabbitTopology.groupQueue("g".repeat(240))).hasMessageContaining("bytes");
  }

  @Test
  void aFanOutQueueNameStaysWithinAmqpLimits() {
    String key = RabbitTopology.routingKey("k".repeat(255));
    String queue = RabbitTopology.fanOutQueue(key);
    assertThat(queue.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    assertThat(queue).startsWith("xcomponent.subscription.");
  }
}
