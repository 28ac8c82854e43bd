package dev.xcomponent.adapter.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class of the Redis store: one {@link RedisTestServer.StoreFixture} per class, a store on a
 * fresh key prefix and a raw client to read what it wrote, all removed after the class.
 */
abstract class RedisStoreTestBase {
  private static RedisTestServer.StoreFixture fixture;
  static String PREFIX;
  static Vertx vertx;
  static Redis raw;
  static RedisEventStore store;
  static RedisKeys keys;

  @BeforeAll
  static void openStore() throws Exception {
    fixture = RedisTestServer.StoreFixture.open();
    PREFIX = fixture.prefix();
    vertx = fixture.vertx();
    raw = fixture.raw();
    store = fixture.store();
    keys = fixture.keys();
  }

  @AfterAll
  static void closeStore() throws Exception {
    fixture.close();
  }
}
