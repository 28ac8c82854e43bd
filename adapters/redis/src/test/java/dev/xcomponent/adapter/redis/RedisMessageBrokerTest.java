package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.contract.MessageBrokerContract;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The broker contract against the real Redis; claims are written under a prefix of its own. */
class RedisMessageBrokerTest extends MessageBrokerContract {
  private static final String PREFIX = RedisTestServer.newPrefix();

  @BeforeAll
  static void redisIsRunning() {
    RedisTestServer.requireRunning(vertx);
  }

  @AfterAll
  static void deleteKeys() throws Exception {
    RedisTestServer.deleteAll(vertx, PREFIX);
  }

  @Override
  protected Future<MessageBroker> openBroker(Vertx vertx) {
    return RedisMessageBroker.connect(vertx, RedisTestServer.brokerSettings(PREFIX)).map(b -> b);
  }
}
