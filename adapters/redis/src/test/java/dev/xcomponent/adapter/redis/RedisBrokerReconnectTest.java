package dev.xcomponent.adapter.redis;

import static dev.xcomponent.adapter.redis.RedisTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.MessageBroker.BrokerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connections that Redis drops, or a Redis that is away for a while: the broker says RECONNECTING,
 * refuses work at once, comes back by itself and restores its subscriptions. Connections are killed
 * one by one by id ({@code CLIENT KILL ID}), found by the names the broker gives them, so that other
 * clients of the shared test server are left alone; the server itself is never restarted.
 */
class RedisBrokerReconnectTest {
  private static final String PREFIX = RedisTestServer.newPrefix();
  private static Vertx vertx;
  private static Redis admin;
  private final List<MessageBroker> brokers = new ArrayList<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    RedisTestServer.requireRunning(vertx);
    admin = RedisTestServer.rawClient(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    RedisTestServer.deleteAll(vertx, PREFIX);
    await(admin.close());
    await(vertx.close());
  }

  @AfterEach
  void closeBrokers() throws Exception {
    for (MessageBroker b : brokers) {
      await(b.close());
    }
  }

  private MessageBroker open(RedisBrokerSettings settings) throws Exception {
    MessageBroker b = await(RedisMessageBroker.connect(vertx, settings));
    brokers.add(b);
    return b;
  }

  /** Ids of the server's connections named {@code name}. */
  private static List<String> connectionIds(String name) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String line : await(admin.send(Request.cmd(Command.CLIENT).arg("LIST"))).toString().split("\n")) {
      if ((" " + line + " ").contains(" name=" + name + " ")) {
        ids.add(line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id="))));
      }
    }
    return ids;
  }

  private static void kill(String name) throws Exception {
    List<String> ids = connectionIds(name);
    assertThat(ids).as("connections named " + name).hasSize(1);
    assertThat(await(admin.send(Request.cmd(Command.CLIENT).arg("KILL").arg("ID").arg(ids.get(0)))).toString())
        .isEqualTo("1");
  }

  private static long subscribers(String channel) throws Exception {
    return await(admin.send(Request.cmd(Command.PUBSUB).arg("NUMSUB").arg(channel))).get(1).toLong();
  }

  private static void eventually(String what, Duration patience, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + patience.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited too long for: " + what).isLessThan(end);
      Thread.sleep(1);
    }
  }

  @Test
  void killedConnectionsAreReplacedAndSubscriptionsAndGroupsWorkAgain() throws Exception {
    String name = "reconnect-" + UUID.randomUUID().toString().substring(0, 8);
    MessageBroker broker = open(RedisTestServer.brokerSettings(PREFIX).withClientName(name));
    MessageBroker other = open(RedisTestServer.brokerSettings(PREFIX));
    String fanout = "test:fanout:" + UUID.randomUUID();
    String commands = "test:commands:" + UUID.randomUUID();
    List<Object> notified = new CopyOnWriteArrayList<>();
    List<Object> handled = new CopyOnWriteArrayList<>();
    await(broker.subscribe(fanout, m -> notified.add(m.get("n"))));
    await(broker.consume("runtime", List.of(commands), d -> {
      handled.add(d.message().get("n"));
      return Future.succeededFuture();
    }));
    await(other.publish(fanout, Map.of("n", 1)));
    await(other.publish(commands, Map.of("n", 1, "messageId", "before-" + name)));
    eventually("messages before the kill", Duration.ofSeconds(5), () -> notified.size() == 1 && handled.size() == 1);
    assertThat(connectionIds(name + "-pub")).hasSize(1);
    assertThat(connectionIds(name + "-sub")).hasSize(1);

    kill(name + "-sub");
    kill(name + "-pub");
    eventually("RECONNECTING", Duration.ofSeconds(2), () -> broker.state() == BrokerState.RECONNECTING);
    eventually("UP again", Duration.ofSeconds(10), () -> broker.state() == BrokerState.UP);

    assertThat(subscribers(fanout)).isEqualTo(1);
    assertThat(subscribers(commands)).isEqualTo(1);
    assertThat(connectionIds(name + "-sub")).hasSize(1);
    await(other.publish(fanout, Map.of("n", 2)));
    await(other.publish(commands, Map.of("n", 2, "messageId", "after-" + name)));
    await(broker.publish(fanout, Map.of("n", 3)));
    eventually("messages after the reconnection", Duration.ofSeconds(5), () -> notified.size() == 3 && handled.size() == 2);
    assertThat(notified).containsExactly(1, 2, 3);
    assertThat(handled).containsExactly(1, 2);
  }

  @Test
  void whileRedisIsAwayWorkIsRefusedAtOnceAndTheBrokerComesBackWithItsSubscriptions() throws Exception {
    RedisStoreSettings real = RedisStoreSettings.fromUrl(RedisTestServer.URL);
    TcpProxy proxy = new TcpProxy(vertx, real.host(), real.port());
    int port = await(proxy.start(0));
    try {
      String auth = real.password() == null ? "" : ":" + real.password() + "@";
      MessageBroker broker = open(RedisBrokerSettings.fromUrl("redis://" + auth + "127.0.0.1:" + port + "/" + real.database())
          .withKeyPrefix(PREFIX + ":"));
      MessageBroker direct = open(RedisTestServer.brokerSettings(PREFIX));
      String ch = "test:away:" + UUID.randomUUID();
      List<Object> got = new CopyOnWriteArrayList<>();
      await(broker.subscribe(ch, m -> got.add(m.get("n"))));

      await(proxy.stop());
      eventually("RECONNECTING", Duration.ofSeconds(2), () -> broker.state() == BrokerState.RECONNECTING);
      // the two connections notice the loss one after the other; a publication in between fails
      // on the closed socket instead
      eventually("the publishing connection seen down", Duration.ofSeconds(2), () ->
          String.valueOf(catchThrowable(() -> await(broker.publish(ch, Map.of("n", -1))))).contains("reconnecting"));
      long start = System.nanoTime();
      Throwable publish = catchThrowable(() -> await(broker.publish(ch, Map.of("n", 0))));
      Throwable subscribe = catchThrowable(() -> await(broker.subscribe(ch, m -> {})));
      Throwable consume = catchThrowable(() -> await(broker.consume("g", List.of(ch), d -> Future.succeededFuture())));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
      assertThat(List.of(publish, subscribe, consume)).allSatisfy(t ->
          assertThat(t).isInstanceOf(IllegalStateException.class).hasMessageContaining("reconnecting")
              .hasMessageContaining("127.0.0.1:" + port));
      Thread.sleep(700); // a few failed attempts, so the delays grow
      assertThat(broker.state()).isEqualTo(BrokerState.RECONNECTING);

      await(proxy.start(port));
      eventually("UP again", Duration.ofSeconds(10), () -> broker.state() == BrokerState.UP);
      await(direct.publish(ch, Map.of("n", 1)));
      await(broker.publish(ch, Map.of("n", 2)));
      eventually("messages after Redis came back", Duration.ofSeconds(5), () -> got.size() == 2);
      assertThat(got).containsExactly(1, 2);
    } finally {
      await(proxy.stop());
    }
  }

  @Test
  void aServerThatIsNotThereFailsTheConnectQuicklyWithoutShowingThePassword() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    long start = System.nanoTime();
    Throwable t = catchThrowable(() -> await(RedisMessageBroker.connect(vertx, "redis://app:topsecret@127.0.0.1:" + closed + "/0")));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(t).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("redis://app:***@127.0.0.1:" + closed)
        .hasMessageNotContaining("topsecret");
    Throwable bad = catchThrowable(() -> await(RedisMessageBroker.connect(vertx, "redis://app:topsecret@h:99999")));
    assertThat(bad).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("topsecret");
  }

  @Test
  void aClosedBrokerStaysClosedAndLeavesNoConnectionBehind() throws Exception {
    String name = "closing-" + UUID.randomUUID().toString().substring(0, 8);
    MessageBroker broker = open(RedisTestServer.brokerSettings(PREFIX).withClientName(name));
    await(broker.subscribe("test:closing:" + name, m -> {}));
    assertThat(connectionIds(name + "-pub")).hasSize(1);
    await(broker.close());
    assertThat(broker.state()).isEqualTo(BrokerState.CLOSED);
    eventually("connections closed", Duration.ofSeconds(5), () -> {
      try {
        return connectionIds(name + "-pub").isEmpty() && connectionIds(name + "-sub").isEmpty();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    assertThat(catchThrowable(() -> await(broker.publish("test:closing", Map.of())))).hasMessageContaining("closed");
    assertThat(catchThrowable(() -> await(broker.consume("g", List.of("test:closing"), d -> Future.succeededFuture()))))
        .hasMessageContaining("closed");
  }
}
