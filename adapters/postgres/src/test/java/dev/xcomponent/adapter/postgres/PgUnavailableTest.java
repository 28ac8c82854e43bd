package dev.xcomponent.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store when the server is not there, never answers, or goes away and comes back. */
class PgUnavailableTest {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(800);
  private static final AtomicLong SEQ = new AtomicLong();
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static PgSettings at(int port) {
    return PgSettings.parse("postgresql://xc:topsecret@127.0.0.1:" + port + "/test")
        .withTimeouts(CONNECT_TIMEOUT, Duration.ofSeconds(2));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static StoredEvent event(String instance) {
    return new StoredEvent(UUID.randomUUID().toString(), instance, SEQ.incrementAndGet(), "C", "M", "E", Map.of(),
        "", "S", Map.of(), null, Map.of(), "active", -1, null, "c", null, null, 1);
  }

  private static void assertUnavailable(Throwable t) {
    assertThat(t).isInstanceOf(StoreFailure.class);
    assertThat(((StoreFailure) t).reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
    assertThat(t.getMessage()).contains("xc:***@127.0.0.1").doesNotContain("topsecret");
  }

  @Test
  void aClosedPortFailsAtOnceWithUnavailable() throws Exception {
    int port = freePort();
    long t0 = System.nanoTime();
    Throwable t = catchThrowable(() -> PgEventStore.connect(vertx, at(port)).await(10, TimeUnit.SECONDS));
    assertUnavailable(t);
    assertThat(t.getMessage()).endsWith("cannot connect");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(CONNECT_TIMEOUT.plusSeconds(2));
  }

  @Test
  void aServerThatNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
    List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(blackHole.accept()); // accepted, never answered
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      long t0 = System.nanoTime();
      Throwable t = catchThrowable(
          () -> PgEventStore.connect(vertx, at(blackHole.getLocalPort())).await(20, TimeUnit.SECONDS));
      assertUnavailable(t);
      assertThat(t.getMessage()).endsWith("no answer in time");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(CONNECT_TIMEOUT.plusSeconds(2));
    } finally {
      synchronized (held) {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  @Test
  void appendsFailFastWhileTheServerIsGoneAndSucceedOnceItIsBack() throws Exception {
    PgSettings real = PgTestDatabase.settings();
    TcpProxy proxy = new TcpProxy(vertx, real.host(), real.port());
    int port = proxy.start(0);
    Duration connectTimeout = Duration.ofSeconds(3); // a real connection, on a machine that may be busy
    PgSettings viaProxy = new PgSettings("127.0.0.1", port, real.database(), real.user(), real.password(),
        real.sslMode(), null, "xcomponent-test", null, 2, 10, connectTimeout, Duration.ofSeconds(5));
    PgEventStore store = PgTestDatabase.connect(vertx, viaProxy);
    String instance = UUID.randomUUID().toString();
    try {
      store.append(List.of(event(instance)), List.of()).await(10, TimeUnit.SECONDS);

      proxy.cut();
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        Throwable t = catchThrowable(() -> store.append(List.of(event(instance)), List.of()).await(10, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(StoreFailure.class);
        assertThat(((StoreFailure) t).reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(connectTimeout.plusSeconds(1));
      }

      proxy.restore();
      StoredEvent after = event(instance);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        try {
          store.append(List.of(after), List.of()).await(10, TimeUnit.SECONDS);
          break;
        } catch (StoreFailure f) {
          assertThat(f.reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
          assertThat(System.nanoTime()).as("the store recovers by itself").isLessThan(deadline);
          Thread.sleep(100);
        }
      }
      assertThat(store.events(instance, 0).await(10, TimeUnit.SECONDS)).hasSize(2);
    } finally {
      store.close().await(10, TimeUnit.SECONDS);
      proxy.close();
    }
  }

  @Test
  void operationsOnAServerThatStopsAnsweringFailWithinTheOperationTimeoutAndRecover() throws Exception {
    PgSettings real = PgTestDatabase.settings();
    TcpProxy proxy = new TcpProxy(vertx, real.host(), real.port());
    int port = proxy.start(0);
    Duration operationTimeout = Duration.ofSeconds(1);
    PgSettings viaProxy = new PgSettings("127.0.0.1", port, real.database(), real.user(), real.password(),
        real.sslMode(), null, "xcomponent-test", null, 2, 10, Duration.ofSeconds(3), operationTimeout);
    PgEventStore store = PgTestDatabase.connect(vertx, viaProxy);
    String instance = UUID.randomUUID().toString();
    try {
      store.append(List.of(event(instance)), List.of()).await(10, TimeUnit.SECONDS);
      proxy.freeze();
      String key = "retry-" + UUID.randomUUID();
      StoredEvent during = new StoredEvent(UUID.randomUUID().toString(), instance, SEQ.incrementAndGet(), "C", "M",
          "E", Map.of(), "", "S", Map.of(), null, Map.of(), "active", -1, null, "c", null, key, 1);
      long t0 = System.nanoTime();
      Throwable t = catchThrowable(() -> store.append(List.of(during), List.of()).await(10, TimeUnit.SECONDS));
      assertThat(t).isInstanceOf(StoreFailure.class);
      assertThat(((StoreFailure) t).reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
      assertThat(t.getMessage()).endsWith("no answer in time");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(operationTimeout.plusSeconds(1));

      proxy.thaw();
      // the timed-out append had an unknown outcome: a retry with the same key is reported a duplicate
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      StoredEvent retry = new StoredEvent(UUID.randomUUID().toString(), during.instanceId(), during.seq(),
          "C", "M", "E", Map.of(), "", "S", Map.of(), null, Map.of(), "active", -1, null, "c", null, key, 1);
      List<StoredEvent> stored;
      while (true) {
        stored = store.events(instance, 0).await(10, TimeUnit.SECONDS);
        if (stored.size() == 2 || System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(stored).as("the late append landed once the server answered").hasSize(2);
      assertThat(store.append(List.of(retry), List.of()).await(10, TimeUnit.SECONDS).duplicates())
          .containsExactly(retry.id());
      assertThat(store.events(instance, 0).await(10, TimeUnit.SECONDS)).hasSize(2);
    } finally {
      store.close().await(10, TimeUnit.SECONDS);
      proxy.close();
    }
  }
}
