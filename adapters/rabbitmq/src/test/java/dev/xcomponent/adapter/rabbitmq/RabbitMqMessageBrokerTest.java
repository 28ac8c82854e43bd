package dev.xcomponent.adapter.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.contract.MessageBrokerContract;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link MessageBrokerContract} against the real RabbitMQ server of {@link RabbitServer}.
 * Consumer groups leave durable queues behind; the ones this run created are deleted at the end,
 * unless a consumer still uses them.
 */
class RabbitMqMessageBrokerTest extends MessageBrokerContract {
  private static final String CONTRACT_GROUP_QUEUES = "xcomponent\\.group\\.group-[0-9a-f]{8}";
  private static Set<String> queuesBefore;

  @Override
  protected Future<MessageBroker> openBroker(Vertx vertx) {
    return RabbitMqMessageBroker.open(vertx, RabbitServer.settings().withConnectionName("xc-contract-test"));
  }

  @BeforeAll
  static void rememberQueues() throws Exception {
    queuesBefore = new HashSet<>(RabbitServer.queueNames());
  }

  @AfterAll
  static void deleteContractGroupQueues() throws Exception {
    try (Connection connection = RabbitServer.rawConnection()) {
      for (String queue : RabbitServer.queueNames()) {
        if (queue.matches(CONTRACT_GROUP_QUEUES) && !queuesBefore.contains(queue)) {
          Channel channel = connection.createChannel();
          try {
            channel.queueDelete(queue, true, false);
          } catch (Exception e) {
            // still in use by someone: leave it
          } finally {
            AmqpErrors.closeQuietly(channel);
          }
        }
      }
    }
  }
}
