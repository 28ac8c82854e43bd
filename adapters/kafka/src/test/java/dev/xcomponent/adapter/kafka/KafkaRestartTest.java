package dev.xcomponent.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.MessageBroker;
import dev.xcomponent.port.MessageBroker.BrokerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restarts the local test broker ({@code .ci/kafka/kafka restart}, which keeps the data) under a
 * live fan-out subscription and a live group member: the client reports the outage and the
 * recovery, and nothing published around the restart is lost.
 */
class KafkaRestartTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    KafkaTestBroker.requireRunning();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void subscriptionsAndGroupsCarryOnAfterABrokerRestart() throws Exception {
    MessageBroker broker = await(KafkaMessageBroker.open(vertx, KafkaTestBroker.settings()));
    try {
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      String fanout = "test:restart-fanout:" + suffix;
      String commands = "test:restart-group:" + suffix;
      List<Integer> fanned = new CopyOnWriteArrayList<>();
      Set<Integer> consumed = ConcurrentHashMap.newKeySet();
      await(broker.subscribe(fanout, m -> fanned.add(n(m))));
      await(broker.consume("restart-" + suffix, List.of(commands), d -> {
        consumed.add(n(d.message()));
        return Future.succeededFuture();
      }));
      await(broker.publish(fanout, message(1)));
      await(broker.publish(commands, message(1)));
      eventually("the first messages", 15, () -> fanned.contains(1) && consumed.contains(1));

      Set<BrokerState> seen = ConcurrentHashMap.newKeySet();
      File log = File.createTempFile("kafka-restart", ".log");
      Process restart = new ProcessBuilder(KafkaTestBroker.repositoryRoot().resolve(".ci/kafka/kafka").toString(),
          "restart").redirectErrorStream(true).redirectOutput(log).start();
      Future<Void> duringOutage = null;
      AtomicLong outagePublishEnded = new AtomicLong();
      long outagePublishStarted = 0;
      while (restart.isAlive()) {
        BrokerState state = broker.state();
        seen.add(state);
        if (state == BrokerState.RECONNECTING && duringOutage == null) {
          outagePublishStarted = System.nanoTime();
          duringOutage = broker.publish(commands, message(100))
              .onComplete(ar -> outagePublishEnded.set(System.nanoTime()));
        }
        Thread.sleep(20);
      }
      assertThat(restart.exitValue()).as("kafka restart: " + Files.readString(log.toPath(), StandardCharsets.UTF_8))
          .isZero();
      eventually("state UP again", 30, () -> {
        seen.add(broker.state());
        return broker.state() == BrokerState.UP;
      });
      assertThat(seen).contains(BrokerState.RECONNECTING, BrokerState.UP);

      boolean outageMessageKept = false;
      if (duringOutage != null) {
        // a publication while the broker is away ends (either way) within the publish timeout
        long bound = KafkaTestBroker.settings().publishTimeout().toMillis() + 3_000;
        try {
          duringOutage.await(bound, TimeUnit.MILLISECONDS);
          outageMessageKept = true;
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError("a publication during the outage did not end within " + bound + " ms", e);
        } catch (Exception e) {
          assertThat(e).hasMessageContaining("channel '" + commands + "'");
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(outagePublishEnded.get() - outagePublishStarted)).isLessThan(bound);
      }

      for (int i = 2; i <= 6; i++) {
        await(broker.publish(fanout, message(i)));
        await(broker.publish(commands, message(i)));
      }
      List<Integer> expectedGroup = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
      if (outageMessageKept) {
        expectedGroup.add(100);
      }
      eventually("every message after the restart", 30,
          () -> fanned.containsAll(List.of(2, 3, 4, 5, 6)) && consumed.containsAll(expectedGroup));
      assertThat(fanned).containsSubsequence(1, 2, 3, 4, 5, 6);
    } finally {
      broker.close().await(20, TimeUnit.SECONDS);
    }
  }

  private static void eventually(String what, int seconds, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("waited " + seconds + " s for: " + what);
      }
      Thread.sleep(20);
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.await(60, TimeUnit.SECONDS);
  }

  private static Map<String, Object> message(int n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", n);
    m.put("messageId", "m-" + n);
    return m;
  }

  private static int n(Map<String, Object> m) {
    return ((Number) m.get("n")).intValue();
  }
}
