package dev.xcomponent.adapter.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real Redis the tests use: {@code XC_TEST_REDIS_URL}, by default the local server on 6379.
 * Tests write under a random prefix and delete it at the end; an unreachable server fails the
 * tests with the command that starts one, it never skips them.
 */
final class RedisTestServer {
  static final String URL = System.getenv().getOrDefault("XC_TEST_REDIS_URL", "redis://127.0.0.1:6379/0");
  static final String START_HINT = "Redis is not reachable at " + masked() + " (set XC_TEST_REDIS_URL to use another server). "
      + "Start one with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no";

  private RedisTestServer() {}

  private static String masked() {
    try {
      return RedisStoreSettings.fromUrl(URL).describe();
    } catch (IllegalArgumentException e) {
      return "XC_TEST_REDIS_URL (" + e.getMessage() + ")";
    }
  }

  /** A fresh prefix for one test class run. */
  static String newPrefix() {
    return "test-" + UUID.randomUUID();
  }

  /** Settings for the test server under {@code prefix}. */
  static RedisStoreSettings settings(String prefix) {
    return RedisStoreSettings.fromUrl(URL).withKeyPrefix(prefix);
  }

  /** Broker settings for the test server, claims under {@code prefix + ":"}. */
  static RedisBrokerSettings brokerSettings(String prefix) {
    return RedisBrokerSettings.fromUrl(URL).withKeyPrefix(prefix + ":");
  }

  /** Fails with {@link #START_HINT} when the server does not answer PING. */
  static void requireRunning(Vertx vertx) {
    Redis client = Redis.createClient(vertx, RedisEventStore.options(RedisStoreSettings.fromUrl(URL)));
    try {
      client.send(Request.cmd(Command.PING)).await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(START_HINT + " [" + e + "]", e);
    } finally {
      client.close();
    }
  }

  /** A plain client on the test server, to look at keys directly. */
  static Redis rawClient(Vertx vertx) {
    return Redis.createClient(vertx, RedisEventStore.options(RedisStoreSettings.fromUrl(URL)));
  }

  /** Deletes every key under {@code prefix} (SCAN + UNLINK); returns how many. */
  static long deleteAll(Vertx vertx, String prefix) throws Exception {
    Redis client = rawClient(vertx);
    try {
      long deleted = 0;
      String cursor = "0";
      do {
        Response page = client.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + ":*")
            .arg("COUNT").arg(1000)).await(10, TimeUnit.SECONDS);
        cursor = page.get(0).toString();
        List<String> found = new ArrayList<>();
        page.get(1).forEach(k -> found.add(k.toString()));
        if (!found.isEmpty()) {
          Request unlink = Request.cmd(Command.UNLINK);
          found.forEach(unlink::arg);
          deleted += client.send(unlink).await(10, TimeUnit.SECONDS).toLong();
        }
      } while (!"0".equals(cursor));
      return deleted;
    } finally {
      client.close().await(5, TimeUnit.SECONDS);
    }
  }

  /**
   * A Redis store on a fresh prefix of the test server, with a plain client to look at its keys:
   * what the store's own tests open before all and close (deleting every key) after all.
   */
  record StoreFixture(String prefix, Vertx vertx, Redis raw, RedisEventStore store, RedisKeys keys) {
    static StoreFixture open() throws Exception {
      String prefix = newPrefix();
      Vertx vertx = Vertx.vertx();
      requireRunning(vertx);
      return new StoreFixture(prefix, vertx, rawClient(vertx),
          await(RedisEventStore.connect(vertx, settings(prefix))), new RedisKeys(prefix));
    }

    void close() throws Exception {
      await(store.close());
      deleteAll(vertx, prefix);
      await(raw.close());
      await(vertx.close());
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.await(20, TimeUnit.SECONDS);
  }
}
