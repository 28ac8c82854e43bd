package dev.xcomponent.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.application.Channels;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.contract.MessageBrokerContract;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker contract against the real Kafka of {@link KafkaTestBroker}. */
class KafkaMessageBrokerTest extends MessageBrokerContract {

  @BeforeAll
  static void requireKafka() {
    KafkaTestBroker.requireRunning();
  }

  @Override
  protected Future<MessageBroker> openBroker(Vertx vertx) {
    return KafkaMessageBroker.open(vertx, KafkaTestBroker.settings());
  }

  @Test
  void aCommandNamingAnotherComponentIsNotHandedToTheGroup() throws Exception {
    MessageBroker broker = client();
    String id = java.util.UUID.randomUUID().toString();
    String a = "A-" + id;
    String b = "B-" + id;
    Map<String, List<Object>> got = Map.of(a, new CopyOnWriteArrayList<>(), b, new CopyOnWriteArrayList<>());
    for (String component : List.of(a, b)) {
      await(broker.consume(Channels.group(component), List.of(Channels.CROSS_COMPONENT_EVENT, Channels.TRIGGER_EVENT), d -> {
        if (id.equals(d.message().get("test"))) {
          got.get(component).add(d.message().get("n"));
        }
        return Future.succeededFuture();
      }));
    }
    await(broker.publish(Channels.CROSS_COMPONENT_EVENT, Map.of("test", id, "n", 1, "targetComponent", a)));
    await(broker.publish(Channels.TRIGGER_EVENT, Map.of("test", id, "n", 2, "instanceId", "i")));
    eventually("the deliveries", () -> got.get(a).size() == 2 && got.get(b).size() == 1);
    Thread.sleep(quietMillis());
    assertThat(got.get(a)).containsExactlyInAnyOrder(1, 2);
    assertThat(got.get(b)).containsExactly(2);
  }
}
