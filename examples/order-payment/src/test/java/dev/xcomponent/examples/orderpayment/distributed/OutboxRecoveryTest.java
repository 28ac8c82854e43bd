package dev.xcomponent.examples.orderpayment.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The transactional outbox across a crash (issue: "a message produced by a transition is recorded
 * with its event and relayed after"): with RabbitMQ stopped, the Order runtime records SUBMITs
 * whose transitions ask PaymentComponent for a payment; it is then killed with SIGKILL before it
 * could hand those messages to anyone. After the broker and the runtime come back, every order
 * gets exactly one payment, and the outbox in PostgreSQL is empty again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRecoveryTest {
  private static final int ORDERS = 20;
  private Databases databases;
  private Deployment deployment;
  private int orderPort;

  @BeforeAll
  void start() throws Exception {
    databases = new Databases();
    String db = databases.create();
    String broker = System.getenv().getOrDefault("XC_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672");
    deployment = new Deployment(getClass().getSimpleName(), broker, db);
    orderPort = Deployment.freePort();
    deployment.startDashboard();
    deployment.startRuntime("order", "order-component.yaml", true, orderPort);
    deployment.startRuntime("payment", "payment-component.yaml", true);
    deployment.awaitComponents(2, Duration.ofSeconds(90));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      rabbit("start_app"); // whatever happened, leave the broker running for the other tests
    } finally {
      if (deployment != null) {
        deployment.close();
        // Their queues would keep collecting commands of later runs (see RabbitMqDeploymentTest).
        for (String component : new String[] {"OrderComponent", "PaymentComponent"}) {
          rabbit("delete_queue", dev.xcomponent.adapter.rabbitmq.RabbitMqMessageBroker.groupQueue(
              dev.xcomponent.application.Channels.group(component)));
        }
      }
      if (databases != null) {
        databases.close();
      }
    }
  }

  @Test
  void messagesRecordedWhileTheBrokerIsAwaySurviveAKill9OfTheirSender() throws Exception {
    List<String> orderIds = new ArrayList<>();
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      String orderId = "outbox-" + i + "-" + UUID.randomUUID();
      orderIds.add(orderId);
      orders.add(createOrder(orderId));
    }

    rabbit("stop_app");
    for (String order : orders) {
      JsonObject r = submitToTheOrderRuntime(order);
      assertThat(r.getString("currentState")).isEqualTo("PendingPayment");
    }
    assertThat(databases.outbox("OrderComponent"))
        .as("each SUBMIT recorded its message to PaymentComponent with its event").isEqualTo(ORDERS);
    deployment.kill("order");

    rabbit("start_app");
    deployment.startRuntime("order", "order-component.yaml", true, orderPort);

    Map<String, Long> payments = awaitPayments(orderIds);
    assertThat(payments).as("one payment per order, none twice").hasSize(ORDERS).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    long deadline = System.currentTimeMillis() + 30_000;
    while (databases.outbox("OrderComponent") > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(databases.outbox("OrderComponent")).as("relayed messages leave the outbox").isZero();
    for (String order : orders) {
      assertThat(databases.events(order)).extracting(r -> r.substring(r.indexOf(':') + 1))
          .containsExactly("INSTANCE_CREATED", "SUBMIT");
    }
  }

  private String createOrder(String orderId) throws Exception {
    JsonObject body = new JsonObject().put("machineName", "Order").put("context", new JsonObject()
        .put("orderId", orderId).put("amount", 10.0).put("customerId", "c-1").put("paymentMethod", "visa"));
    return deployment.post("/api/components/OrderComponent/instances", body).getString("instanceId");
  }

  private JsonObject submitToTheOrderRuntime(String order) throws Exception {
    HttpResponse<String> r = deployment.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + orderPort + "/api/instances/" + order + "/events"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("type", "SUBMIT").encode())));
    assertThat(r.statusCode()).as("SUBMIT %s: %s", order, r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  /** Payments per order id, once every order has one (and a little longer, to catch doubles). */
  private Map<String, Long> awaitPayments(List<String> orderIds) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    Map<String, Long> counts = Map.of();
    while (System.currentTimeMillis() < deadline) {
      Optional<Map<String, Long>> now = paymentCounts(orderIds);
      if (now.isPresent()) {
        counts = now.get();
        if (counts.size() == orderIds.size()) {
          Thread.sleep(2_000);
          return paymentCounts(orderIds).orElse(counts);
        }
      }
      Thread.sleep(200);
    }
    return counts;
  }

  private Optional<Map<String, Long>> paymentCounts(List<String> orderIds) throws Exception {
    HttpResponse<String> r = deployment.send(HttpRequest.newBuilder(
        deployment.uri("/api/instances?component=PaymentComponent&machine=Payment&limit=10000")).GET());
    if (r.statusCode() != 200) {
      return Optional.empty();
    }
    JsonArray list = new JsonObject(r.body()).getJsonArray("instances");
    return Optional.of(list.stream().map(o -> ((JsonObject) o).getJsonObject("context").getString("orderId"))
        .filter(orderIds::contains).collect(Collectors.groupingBy(id -> id, Collectors.counting())));
  }

  private void rabbit(String... action) throws Exception {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
    command.addAll(List.of(action));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(deployment.logs().resolve("rabbitmq.log").toFile()))
        .start();
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + deployment.logs());
    }
  }
}
