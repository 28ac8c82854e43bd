package dev.xcomponent.adapter.memory;

import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.contract.MessageBrokerContract;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;

/** The broker contract on one shared in-memory broker; each "client" is a connection to it. */
class InMemoryMessageBrokerContractTest extends MessageBrokerContract {
  private static InMemoryMessageBroker shared;

  @Override
  protected Future<MessageBroker> openBroker(Vertx vertx) {
    synchronized (InMemoryMessageBrokerContractTest.class) {
      if (shared == null) {
        shared = new InMemoryMessageBroker(vertx);
      }
    }
    return Future.succeededFuture(shared.connection());
  }

  @AfterAll
  static void closeShared() {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }
}
