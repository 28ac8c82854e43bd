package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.contract.EventStoreContract;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against the real Redis, under a prefix of its own. */
class RedisEventStoreTest extends EventStoreContract {
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
  protected EventStore openStore(Vertx vertx) throws Exception {
    return RedisEventStore.connect(vertx, RedisTestServer.settings(PREFIX)).await(10, TimeUnit.SECONDS);
  }
}
