package dev.xcomponent.examples.orderpayment.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mode 5 of the deployment guide, Redis-only: Redis is the broker (pub/sub) and the event store
 * ({@code REDIS_URL} without {@code DATABASE_URL}) of three JVMs started from {@code app.jar}; the
 * flow runs through the dashboard and its history comes from the Redis store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOnlyDeploymentTest {
  private Deployment deployment;

  @BeforeAll
  void start() throws Exception {
    URI server = URI.create(System.getenv().getOrDefault("XC_TEST_REDIS_URL", "redis://127.0.0.1:6379/0"));
    // A database of its own (9), emptied first, so nothing is restored from earlier runs.
    int port = server.getPort() < 0 ? 6379 : server.getPort();
    Process flush = new ProcessBuilder("redis-cli", "-h", server.getHost(), "-p", String.valueOf(port), "-n", "9", "FLUSHDB")
        .redirectErrorStream(true).start();
    assertThat(flush.waitFor()).as("redis-cli FLUSHDB on database 9").isZero();
    String redis = "redis://" + server.getHost() + ":" + port + "/9";
    deployment = new Deployment(getClass().getSimpleName(), redis, null, Map.of("REDIS_URL", redis)).start();
  }

  @AfterAll
  void stop() throws Exception {
    if (deployment != null) {
      deployment.close();
    }
  }

  @Test
  void theFlowRunsOnRedisAloneAndItsHistoryComesFromTheRedisStore() throws Exception {
    JsonObject health = deployment.get("/health");
    assertThat(health.getBoolean("database")).isTrue();
    String orderId = "order-" + UUID.randomUUID();
    String order = deployment.post("/api/components/OrderComponent/instances", new JsonObject()
        .put("machineName", "Order").put("context", new JsonObject().put("orderId", orderId).put("amount", 10)
            .put("paymentMethod", "visa"))).getString("instanceId");
    deployment.post("/api/instances/" + order + "/events", new JsonObject().put("type", "SUBMIT"));
    String payment = DistributedDeploymentTest.await("the payment", () -> {
      JsonArray list = deployment.get("/api/instances?component=PaymentComponent&limit=1000").getJsonArray("instances");
      return list.stream().map(o -> (JsonObject) o).filter(i -> orderId.equals(i.getJsonObject("context").getString("orderId")))
          .map(i -> i.getString("id")).findFirst();
    });
    deployment.post("/api/instances/" + payment + "/events", new JsonObject().put("type", "PROCESS"));
    DistributedDeploymentTest.await("validated", () -> Optional.of(deployment.get("/api/instances/" + payment))
        .filter(o -> "Validated".equals(o.getJsonObject("instance").getString("currentState"))));
    deployment.post("/api/instances/" + payment + "/events", new JsonObject().put("type", "COMPLETE"));
    DistributedDeploymentTest.await("order paid", () -> Optional.of(deployment.get("/api/instances/" + order))
        .filter(o -> "Paid".equals(o.getJsonObject("instance").getString("currentState"))));
    JsonArray trail = deployment.get("/api/history/instances/" + order + "/events").getJsonArray("events");
    assertThat(trail.stream().map(o -> ((JsonObject) o).getString("eventType")).toList())
        .endsWith("SUBMIT", "PAYMENT_CONFIRMED").hasSize(3);
    assertThat(deployment.get("/api/history/instances/" + order + "/events").getBoolean("fromStore")).isTrue();
  }
}
