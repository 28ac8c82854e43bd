package dev.xcomponent.adapter.redis;

import static dev.xcomponent.adapter.redis.RedisTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Redis that is not there, goes away, stalls or is swamped: calls fail fast and recover. */
class RedisUnavailableTest {
  private static final String PREFIX = RedisTestServer.newPrefix();
  private static Vertx vertx;
  private TcpProxy proxy;
  private int port;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    RedisTestServer.requireRunning(vertx);
  }

  @AfterAll
  static void stopVertx() throws Exception {
    RedisTestServer.deleteAll(vertx, PREFIX);
    await(vertx.close());
  }

  @BeforeEach
  void startProxy() throws Exception {
    RedisStoreSettings real = RedisStoreSettings.fromUrl(RedisTestServer.URL);
    proxy = new TcpProxy(vertx, real.host(), real.port());
    port = await(proxy.start(0));
  }

  @AfterEach
  void stopProxy() throws Exception {
    proxy.resume();
    await(proxy.stop());
  }

  private RedisStoreSettings viaProxy() {
    RedisStoreSettings real = RedisStoreSettings.fromUrl(RedisTestServer.URL);
    String auth = real.password() == null ? "" : ":" + real.password() + "@";
    return RedisStoreSettings.fromUrl("redis://" + auth + "127.0.0.1:" + port + "/" + real.database())
        .withKeyPrefix(PREFIX)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500));
  }

  private static StoredEvent event(String instance, long seq, String key) {
    return new StoredEvent(UUID.randomUUID().toString(), instance, seq, "C", "M", "E", Map.of(), "", "S",
        Map.of(), null, Map.of(), "active", 0, null, "corr", null, key, seq);
  }

  private static StoreFailure failure(Future<?> f) {
    Throwable t = catchThrowable(() -> await(f));
    assertThat(t).isInstanceOf(StoreFailure.class);
    return (StoreFailure) t;
  }

  @Test
  void aClosedPortFailsTheConnectQuicklyWithoutShowingThePassword() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    long start = System.nanoTime();
    StoreFailure f = failure(RedisEventStore.connect(vertx,
        RedisStoreSettings.fromUrl("redis://:topsecret@127.0.0.1:" + closed + "/0")));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(f.reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
    assertThat(f.getMessage()).contains("127.0.0.1:" + closed).contains(":***@").doesNotContain("topsecret");
  }

  @Test
  void aServerThatGoesAwayFailsCallsQuicklyAndTheStoreRecoversWhenItReturns() throws Exception {
    RedisEventStore store = await(RedisEventStore.connect(vertx, viaProxy()));
    try {
      String instance = UUID.randomUUID().toString();
      await(store.append(List.of(event(instance, 1, null)), List.of()));
      await(proxy.stop());

      long start = System.nanoTime();
      StoreFailure whileAway = failure(store.append(List.of(event(instance, 2, null)), List.of()));
      assertThat(whileAway.reason()).as(whileAway.getMessage()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
      assertThat(failure(store.events(instance, 0)).reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

      await(proxy.start(port));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      Future<AppendResult> retry;
      do {
        retry = store.append(List.of(event(instance, 2, null)), List.of());
        await(retry.otherwiseEmpty());
        if (retry.failed()) {
          Thread.sleep(100);
        }
      } while (retry.failed() && System.nanoTime() < deadline);
      assertThat(retry.succeeded()).as("append after Redis came back: %s", retry.cause()).isTrue();
      assertThat(await(store.events(instance, 0))).extracting(StoredEvent::seq).containsExactly(1L, 2L);
    } finally {
      await(store.close());
    }
  }

  @Test
  void aStalledServerTimesOutAndARetryWithTheSameKeyIsADuplicateOnceTheLateWriteLands() throws Exception {
    RedisEventStore store = await(RedisEventStore.connect(vertx, viaProxy()));
    try {
      String instance = UUID.randomUUID().toString();
      String key = "key-" + UUID.randomUUID();
      await(store.append(List.of(event(instance, 1, null)), List.of()));
      proxy.stall();
      long start = System.nanoTime();
      StoreFailure f = failure(store.append(List.of(event(instance, 2, key)), List.of()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(f.reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
      assertThat(f.getMessage()).contains("no reply in time");
      assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));

      proxy.resume();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (await(store.events(instance, 0)).size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      StoredEvent retry = event(instance, 2, key);
      assertThat(await(store.append(List.of(retry), List.of())).duplicates()).containsExactly(retry.id());
      assertThat(failure(store.append(List.of(event(instance, 2, null)), List.of())).reason())
          .isEqualTo(StoreFailure.Reason.CONFLICT);
    } finally {
      await(store.close());
    }
  }

  @Test
  void aFullPoolQueueFailsAtOnceInsteadOfQueueingWithoutBound() throws Exception {
    RedisEventStore store = await(RedisEventStore.connect(vertx, viaProxy().withPool(1, 1)));
    try {
      proxy.stall();
      Future<AppendResult> busy = store.append(List.of(event(UUID.randomUUID().toString(), 1, null)), List.of());
      Future<AppendResult> waiting = store.append(List.of(event(UUID.randomUUID().toString(), 1, null)), List.of());
      long start = System.nanoTime();
      StoreFailure f = failure(store.append(List.of(event(UUID.randomUUID().toString(), 1, null)), List.of()));
      assertThat(f.reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
      await(Future.join(busy, waiting).otherwiseEmpty());
    } finally {
      proxy.resume();
      await(store.close());
    }
  }
}
