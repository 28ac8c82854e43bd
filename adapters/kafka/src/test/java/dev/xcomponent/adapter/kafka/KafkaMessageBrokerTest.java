package dev.xcomponent.adapter.kafka;

import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.contract.MessageBrokerContract;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.BeforeAll;

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
}
