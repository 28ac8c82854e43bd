package dev.xcomponent.examples.orderpayment.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Order/Payment flow of SPEC §h in a distributed deployment: a dashboard, the Order runtime and
 * the Payment runtime in three JVMs started from {@code app.jar}, on a real broker and PostgreSQL,
 * driven only through the dashboard's HTTP API. Each broker's test extends this class; those whose
 * broker keeps messages also run {@link #restartTheBroker} in the middle of 200 flows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DistributedDeploymentTest {
  protected Databases databases;
  protected Deployment deployment;

  /** The broker URL the three processes use. */
  protected abstract String brokerUrl();

  /** Restarts the broker server (stop, then start, keeping its data); false when not supported. */
  protected boolean restartTheBroker() throws Exception {
    return false;
  }

  @BeforeAll
  void startDeployment() throws Exception {
    databases = new Databases();
    String db = databases.create();
    deployment = new Deployment(getClass().getSimpleName(), brokerUrl(), db).start();
  }

  /**
   * Removes what the deployment left on the broker server once its processes are gone (nothing by
   * default): a queue left behind would keep collecting commands of later runs.
   */
  protected void forgetBrokerState() throws Exception {}

  @AfterAll
  void stopDeployment() throws Exception {
    if (deployment != null) {
      deployment.close();
      forgetBrokerState();
    }
    if (databases != null) {
      databases.close();
    }
  }

  @Test
  void theOrderPaymentFlowRunsAcrossThreeProcesses() throws Exception {
    JsonObject health = deployment.get("/health");
    assertThat(health.getString("mode")).isEqualTo("distributed");
    assertThat(health.getInteger("connectedRuntimes")).isEqualTo(2);
    assertThat(health.getString("broker")).doesNotContain("guest:guest");
    assertThat(deployment.get("/api/runtimes").getJsonArray("runtimes")).hasSize(2);

    String orderId = "order-" + UUID.randomUUID();
    String order = createOrder(orderId, "visa");
    assertThat(event(order, "SUBMIT", null).getString("currentState")).isEqualTo("PendingPayment");
    String payment = await("the payment of " + orderId, () -> paymentOf(orderId));
    assertThat(event(payment, "PROCESS", null).getString("currentState")).isEqualTo("Processing");
    await("payment validated", () -> stateIs(payment, "Validated"));
    assertThat(event(payment, "COMPLETE", null).getString("currentState")).isEqualTo("Completed");
    await("order paid", () -> stateIs(order, "Paid"));
    assertThat(event(order, "SHIP", null).getString("currentState")).isEqualTo("Shipped");
    assertThat(event(order, "DELIVER", null).getString("currentState")).isEqualTo("Completed");

    // The store holds every step once, in order, and the dashboard lists them from it.
    List<String> rows = databases.events(order);
    assertThat(rows).hasSize(5);
    assertThat(rows.subList(1, 5)).containsExactly("2:SUBMIT", "3:PAYMENT_CONFIRMED", "4:SHIP", "5:DELIVER");
    JsonArray trail = deployment.get("/api/history/instances/" + order + "/events").getJsonArray("events");
    assertThat(trail).hasSize(5);
    assertThat(databases.events(payment)).extracting(r -> r.substring(r.indexOf(':') + 1))
        .containsSubsequence("PROCESS", "COMPLETE");
    JsonArray flow = deployment.get("/api/history/correlated/" + order).getJsonArray("events");
    assertThat(flow.stream().map(o -> ((JsonObject) o).getString("componentName")).distinct().toList())
        .contains("OrderComponent", "PaymentComponent");
  }

  @Test
  void flowsCompleteOnceEachWhenTheBrokerRestartsInTheMiddle() throws Exception {
    int flows = 200;
    List<String> orderIds = new ArrayList<>();
    Map<String, String> orders = new ConcurrentHashMap<>();
    for (int i = 0; i < flows; i++) {
      String orderId = "bulk-" + i + "-" + UUID.randomUUID();
      orderIds.add(orderId);
      orders.put(orderId, createOrder(orderId, "visa"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> submits = new ArrayList<>();
      for (String orderId : orderIds) {
        submits.add(pool.submit(() -> eventWithRetries(orders.get(orderId), "SUBMIT", "submit-" + orderId)));
      }
      boolean restarted = restartTheBroker();
      for (Future<?> f : submits) {
        f.get(5, TimeUnit.MINUTES);
      }
      Map<String, String> payments = new ConcurrentHashMap<>();
      for (String orderId : orderIds) {
        payments.put(orderId, await("the payment of " + orderId, () -> paymentOf(orderId)));
      }
      List<Future<?>> steps = new ArrayList<>();
      for (String orderId : orderIds) {
        String p = payments.get(orderId);
        steps.add(pool.submit(() -> {
          eventWithRetries(p, "PROCESS", "process-" + p);
          await("payment validated", () -> stateIs(p, "Validated"));
          return eventWithRetries(p, "COMPLETE", "complete-" + p);
        }));
      }
      for (Future<?> f : steps) {
        f.get(5, TimeUnit.MINUTES);
      }
      for (String orderId : orderIds) {
        String order = orders.get(orderId);
        await("order paid", () -> stateIs(order, "Paid"));
        List<String> rows = databases.events(order);
        assertThat(rows).as("events of order %s (broker restarted: %s)", order, restarted)
            .extracting(r -> r.substring(r.indexOf(':') + 1))
            .endsWith("SUBMIT", "PAYMENT_CONFIRMED").hasSize(3);
        assertThat(databases.events(payments.get(orderId)).stream().filter(r -> r.endsWith(":PROCESS")).count())
            .isEqualTo(1);
      }
      assertThat(paymentsOf(orderIds)).isEqualTo(flows);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  protected String createOrder(String orderId, String method) throws Exception {
    JsonObject body = new JsonObject().put("machineName", "Order").put("context", new JsonObject()
        .put("orderId", orderId).put("amount", 99.99).put("customerId", "c-1").put("paymentMethod", method));
    return deployment.post("/api/components/OrderComponent/instances", body).getString("instanceId");
  }

  protected JsonObject event(String instance, String type, String key) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(deployment.uri("/api/instances/" + instance + "/events"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("type", type).encode()));
    if (key != null) {
      r.header("Idempotency-Key", key);
    }
    HttpResponse<String> response = deployment.send(r);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(type + " to " + instance + " answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }

  /** Sends until a runtime answers (the broker may be restarting); the key makes retries safe. */
  protected JsonObject eventWithRetries(String instance, String type, String key) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    IllegalStateException last = null;
    while (System.currentTimeMillis() < deadline) {
      try {
        return event(instance, type, key);
      } catch (IllegalStateException | java.io.IOException e) {
        last = e instanceof IllegalStateException ise ? ise : new IllegalStateException(e);
        Thread.sleep(500);
      }
    }
    throw last;
  }

  private Optional<String> paymentOf(String orderId) throws Exception {
    JsonArray list = deployment.get("/api/instances?component=PaymentComponent&machine=Payment&limit=10000")
        .getJsonArray("instances");
    return list.stream().map(o -> (JsonObject) o)
        .filter(i -> orderId.equals(i.getJsonObject("context").getString("orderId")))
        .map(i -> i.getString("id")).findFirst();
  }

  private long paymentsOf(List<String> orderIds) throws Exception {
    JsonArray list = deployment.get("/api/instances?component=PaymentComponent&machine=Payment&limit=10000")
        .getJsonArray("instances");
    return list.stream().map(o -> ((JsonObject) o).getJsonObject("context").getString("orderId"))
        .filter(orderIds::contains).count();
  }

  private Optional<Boolean> stateIs(String instance, String state) throws Exception {
    HttpResponse<String> r = deployment.send(HttpRequest.newBuilder(deployment.uri("/api/instances/" + instance)).GET());
    return r.statusCode() == 200
        && state.equals(new JsonObject(r.body()).getJsonObject("instance").getString("currentState"))
        ? Optional.of(true) : Optional.empty();
  }

  protected static <T> T await(String what, Callable<Optional<T>> probe) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      Optional<T> v;
      try {
        v = probe.call();
      } catch (java.io.IOException e) {
        v = Optional.empty();
      }
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not reached within 120 s: " + what);
  }
}
