package dev.xcomponent.adapter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.MessageBroker.BrokerState;
import dev.xcomponent.port.MessageBroker.Delivery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connection loss injected on the server side with {@code rabbitmqctl close_connection} (only
 * this test's connections are closed, other clients of the server are left alone): the client
 * reports {@code RECONNECTING}, fails publications fast, comes back {@code UP} with its fan-out
 * subscription and its consumer group restored, and the group receives what was published while
 * it was away.
 */
class RabbitMqReconnectTest {
  private static final Pattern NEXT_DELAY = Pattern.compile("reconnect attempt (\\d+) in (\\d+) ms");

  private static Vertx vertx;
  private final List<MessageBroker> opened = new ArrayList<>();
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private LogCapture logs;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @BeforeEach
  void captureLogs() {
    logs = new LogCapture();
  }

  @AfterEach
  void closeAll() throws Exception {
    closeOpened();
    logs.close();
  }

  private void closeOpened() throws Exception {
    for (MessageBroker broker : opened) {
      broker.close().await(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void subscriptionsAndGroupsComeBackAfterTheServerClosesTheConnection() throws Exception {
    String name = "xc-reconnect-" + id;
    // A first retry after 2 s (±20%) leaves time to publish while the client is away.
    MessageBroker client = open(RabbitServer.settings().withConnectionName(name)
        .withReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(3)));
    MessageBroker publisher = open(RabbitServer.settings().withConnectionName("xc-reconnect-publisher-" + id));
    String events = "test:reconnect-events:" + id;
    String commands = "test:reconnect-commands:" + id;
    String group = "reconnect-" + id;
    List<Integer> fannedOut = new CopyOnWriteArrayList<>();
    List<Delivery> consumed = new CopyOnWriteArrayList<>();
    await(client.subscribe(events, m -> fannedOut.add(n(m))));
    await(client.consume(group, List.of(commands), d -> {
      consumed.add(d);
      return Future.succeededFuture();
    }));
    try {
      await(publisher.publish(events, message(1)));
      await(publisher.publish(commands, message(1)));
      eventually("the first messages", () -> fannedOut.size() == 1 && consumed.size() == 1);
      assertThat(client.state()).isEqualTo(BrokerState.UP);

      assertThat(RabbitServer.closeConnectionsNamed(name)).isEqualTo(1);
      eventually("RECONNECTING", () -> client.state() == BrokerState.RECONNECTING);

      long start = System.nanoTime();
      assertThatThrownBy(() -> await(client.publish(events, message(99))))
          .hasMessageContaining("unreachable").hasMessageContaining(client.describe());
      assertThatThrownBy(() -> await(client.subscribe(events, m -> {}))).hasMessageContaining("unreachable");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

      await(publisher.publish(commands, message(2))); // kept by the group's durable queue
      await(publisher.publish(commands, message(3)));
      await(publisher.publish(events, message(2))); // nobody's fan-out queue: lost, as documented
      assertThat(client.state()).as("still away while those were published").isEqualTo(BrokerState.RECONNECTING);

      eventually("UP again", () -> client.state() == BrokerState.UP);
      await(publisher.publish(events, message(4)));
      await(publisher.publish(commands, message(4)));
      eventually("the restored subscriptions got message 4",
          () -> fannedOut.contains(4) && consumed.size() == 4);
      assertThat(fannedOut).containsExactly(1, 4);
      assertThat(consumed).extracting(d -> n(d.message())).containsExactly(1, 2, 3, 4);
      assertThat(consumed).extracting(Delivery::channel).containsOnly(commands);

      await(client.publish(events, message(5))); // the client's own publisher is back too
      eventually("its own message", () -> fannedOut.contains(5));

      List<String> warnings = logs.warnings();
      assertThat(warnings).anySatisfy(w -> assertThat(w)
          .contains(client.describe()).contains("connection lost").contains("reconnect attempt 1 in"));
      assertThat(warnings).noneSatisfy(w -> assertThat(w).contains("guest:guest"));
    } finally {
      closeOpened(); // before deleting the queue, or the member would declare it again
      deleteQueue(RabbitTopology.groupQueue(group));
    }
  }

  @Test
  void keepsRetryingWithGrowingDelaysWhileTheServerRefusesThenRestoresEverything() throws Exception {
    String vhost = "xc-test-" + id;
    String name = "xc-refused-" + id;
    RabbitServer.rabbitmqctl("-q", "add_vhost", vhost);
    try {
      RabbitServer.rabbitmqctl("-q", "set_permissions", "-p", vhost, RabbitServer.settings().user(), ".*", ".*", ".*");
      MessageBroker client = open(RabbitServer.settings(vhost).withConnectionName(name)
          .withReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(400)));
      assertThat(client.describe()).endsWith("/" + vhost);
      String events = "test:refused-events:" + id;
      String commands = "test:refused-commands:" + id;
      List<Integer> fannedOut = new CopyOnWriteArrayList<>();
      List<Integer> consumed = new CopyOnWriteArrayList<>();
      await(client.subscribe(events, m -> fannedOut.add(n(m))));
      await(client.consume("refused-" + id, List.of(commands), d -> {
        consumed.add(n(d.message()));
        return Future.succeededFuture();
      }));

      RabbitServer.rabbitmqctl("-q", "clear_permissions", "-p", vhost, RabbitServer.settings().user());
      assertThat(RabbitServer.closeConnectionsNamed(name)).isEqualTo(1);
      eventually("four failed attempts", () -> failedAttempts() >= 4);
      assertThat(client.state()).isEqualTo(BrokerState.RECONNECTING);
      RabbitServer.rabbitmqctl("-q", "set_permissions", "-p", vhost, RabbitServer.settings().user(), ".*", ".*", ".*");
      eventually("UP again", () -> client.state() == BrokerState.UP);

      await(client.publish(events, message(7)));
      await(client.publish(commands, message(8)));
      eventually("both restored subscriptions", () -> fannedOut.contains(7) && consumed.contains(8));

      List<long[]> delays = new ArrayList<>();
      for (String warning : logs.warnings()) {
        Matcher m = NEXT_DELAY.matcher(warning);
        if (m.find()) {
          delays.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
      }
      assertThat(delays).hasSizeGreaterThanOrEqualTo(4);
      for (long[] attemptAndDelay : delays) {
        long base = Math.min(400, 100L << Math.min(attemptAndDelay[0] - 1, 10));
        assertThat(attemptAndDelay[1]).as("delay before attempt %d", attemptAndDelay[0])
            .isBetween(Math.round(base * 0.8), Math.round(base * 1.2));
      }
      assertThat(logs.warnings()).filteredOn(w -> w.contains("failed ("))
          .allSatisfy(w -> assertThat(w).contains(client.describe()).contains("reconnect attempt"));
    } finally {
      closeOpened(); // before deleting the virtual host, or the client would try to come back
      RabbitServer.rabbitmqctl("-q", "delete_vhost", vhost);
    }
  }

  private int failedAttempts() {
    return (int) logs.warnings().stream().filter(w -> w.contains("failed (")).count();
  }

  private MessageBroker open(RabbitMqSettings settings) throws Exception {
    MessageBroker broker = await(RabbitMqMessageBroker.open(vertx, settings));
    opened.add(broker);
    return broker;
  }

  private static void deleteQueue(String queue) throws Exception {
    try (Connection connection = RabbitServer.rawConnection()) {
      Channel channel = connection.createChannel();
      channel.queueDelete(queue);
      AmqpErrors.closeQuietly(channel);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(30, TimeUnit.SECONDS);
  }

  private static Map<String, Object> message(int n) {
    return Map.of("n", n, "messageId", "m-" + n);
  }

  private static int n(Map<String, Object> message) {
    return ((Number) message.get("n")).intValue();
  }

  private static void eventually(String what, BooleanSupplier done) throws InterruptedException {
    long end = System.currentTimeMillis() + 15_000;
    while (!done.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited too long for: " + what).isLessThan(end);
      Thread.sleep(10);
    }
  }
}
