package dev.xcomponent.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opening a client where no broker listens fails in bounded time, saying where it looked. */
class KafkaUnreachableTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void openingWhereNothingListensFailsWithinTheConnectTimeout() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KafkaSettings settings = KafkaSettings.fromUrl("kafka://bob:s3cr3t@127.0.0.1:" + port)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    long started = System.nanoTime();
    int finalPort = port;
    assertThatThrownBy(() -> KafkaMessageBroker.open(vertx, settings).await(15, TimeUnit.SECONDS))
        .hasMessageContaining("Kafka is not reachable at kafka://bob:***@127.0.0.1:" + finalPort)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(8_000);
  }
}
