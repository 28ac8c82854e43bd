package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Starts {@code serve} the way the CLI does (files, wiring, HTTP) on a free port with the
 * Order/Payment example, asks {@code /health}, and stops it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeSmokeTest {
  private final Vertx client = Vertx.vertx();

  @AfterEach
  void closeClient() throws Exception {
    client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The example's files, or the reference's distributed pair when the example is absent. */
  static List<Path> exampleFiles() {
    Path order = Path.of("../examples/order-payment/order-component.yaml");
    Path payment = Path.of("../examples/order-payment/payment-component.yaml");
    if (Files.isRegularFile(order) && Files.isRegularFile(payment)) {
      return List.of(order, payment);
    }
    Path ref = Path.of("../../shared/reference/examples");
    return List.of(
        ref.resolve("distributed-order-component.yaml"),
        ref.resolve("distributed-payment-component.yaml"));
  }

  private static ServeConfig config(int port) {
    return new ServeConfig(exampleFiles(), "127.0.0.1", port, null, "memory", StoreConfig.none());
  }

  @Test
  void servesHealthThenStops() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ServeCommand.Server server =
        ServeCommand.start(config(0), new PrintStream(err, true, StandardCharsets.UTF_8))) {
      assertThat(server.port()).isPositive();
      assertThat(server.registry().components()).hasSize(2);

      HttpResponse<Buffer> health =
          WebClient.create(client)
              .get(server.port(), "127.0.0.1", "/health")
              .send()
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);

      assertThat(health.statusCode()).isEqualTo(200);
      JsonObject body = health.bodyAsJsonObject();
      assertThat(body.getString("status")).isEqualTo("ok");
      assertThat(body.getString("broker")).isEqualTo("memory");
    }
  }

  @Test
  void aTakenPortFailsStartUpWithExitCodeOne() throws Exception {
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (ServeCommand.Server first = ServeCommand.start(config(0), err)) {
      assertThatThrownBy(() -> ServeCommand.start(config(first.port()), err))
          .isInstanceOf(CliException.class)
          .hasMessageContaining("starting the HTTP API")
          .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(1));
    }
  }
}
