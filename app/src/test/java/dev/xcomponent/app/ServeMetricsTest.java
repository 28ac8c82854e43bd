package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.app.observability.Scrape;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve} with the Order/Payment example and the in-memory store, driven over HTTP, then
 * scraped at {@code GET /metrics}: transitions by outcome, live instances by state, store and
 * broker timings, the broker state and the messaging backlog are there, with the right values.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeMetricsTest {
  private static final String ORDER = "OrderComponent";

  private final Vertx client = Vertx.vertx();
  private WebClient web;
  private int port;

  @AfterEach
  void closeClient() throws Exception {
    client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void scrapesTransitionsInstancesStoreAndBroker() throws Exception {
    ServeConfig config = new ServeConfig(ServeSmokeTest.exampleFiles(), "127.0.0.1", 0, null, "memory",
        StoreConfig.from("memory", Map.of()));
    try (ServeCommand.Server server = ServeCommand.start(config, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8))) {
      port = server.port();
      web = WebClient.create(client);
      Scrape before = scrape();
      double transitioned = before.value("xcomponent_transitions_total",
          "component", ORDER, "machine", "Order", "outcome", "transitioned");
      double createdBefore = before.value("xcomponent_instances_live", "component", ORDER, "machine", "Order", "state", "Created");

      String submitted = create("ORD-1");
      String cancelled = create("ORD-2");
      assertThat(fire(submitted, "SUBMIT").getString("currentState")).isEqualTo("PendingPayment");
      assertThat(fire(submitted, "SHIP").getString("outcome")).isEqualTo("ignored");
      assertThat(fire(cancelled, "CANCEL").getString("currentState")).isEqualTo("Cancelled");

      HttpResponse<Buffer> response = get("/metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
      Scrape after = new Scrape(response.bodyAsString());

      assertThat(after.value("xcomponent_transitions_total", "component", ORDER, "machine", "Order", "outcome", "transitioned"))
          .as(after.toString()).isEqualTo(transitioned + 2);
      assertThat(after.value("xcomponent_transitions_total", "component", ORDER, "machine", "Order", "outcome", "ignored"))
          .isEqualTo(1.0);
      assertThat(after.value("xcomponent_transitions_total", "component", ORDER, "machine", "Order", "outcome", "error"))
          .isEqualTo(0.0);
      assertThat(after.value("xcomponent_instances_live", "component", ORDER, "machine", "Order", "state", "Created"))
          .isEqualTo(createdBefore);
      assertThat(after.value("xcomponent_instances_live", "component", ORDER, "machine", "Order", "state", "PendingPayment"))
          .isEqualTo(1.0);
      assertThat(after.value("xcomponent_instances_live", "component", ORDER, "machine", "Order", "state", "Cancelled"))
          .isEqualTo(0.0);
      assertThat(after.value("xcomponent_instances_live", "component", ORDER, "machine", "Order", "state", "Created"))
          .isEqualTo((double) live("Created"));

      assertThat(after.value("xcomponent_store_seconds_count", "operation", "append")).isGreaterThanOrEqualTo(3.0);
      assertThat(after.value("xcomponent_store_errors_total", "operation", "append")).isEqualTo(0.0);
      assertThat(after.value("xcomponent_broker_seconds_count", "operation", "publish")).isNotNull();
      assertThat(after.value("xcomponent_broker_errors_total", "operation", "publish")).isEqualTo(0.0);
      assertThat(after.value("xcomponent_broker_up")).isEqualTo(1.0);
      assertThat(after.value("xcomponent_messages_waiting_for_broker", "component", ORDER)).isEqualTo(0.0);
      assertThat(after.value("xcomponent_dead_letters", "component", "PaymentComponent")).isEqualTo(0.0);
      assertThat(after.value("jvm_memory_used_bytes", "area", "heap")).isPositive();
    }
  }

  private Scrape scrape() throws Exception {
    HttpResponse<Buffer> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    return new Scrape(r.bodyAsString());
  }

  private long live(String state) throws Exception {
    return get("/api/instances?component=" + ORDER + "&state=" + state + "&status=active&limit=1000")
        .bodyAsJsonObject().getJsonArray("instances").size();
  }

  private String create(String orderId) throws Exception {
    HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/components/" + ORDER + "/instances",
        new JsonObject().put("context", new JsonObject().put("orderId", orderId).put("amount", 10)));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getString("instanceId");
  }

  private JsonObject fire(String id, String type) throws Exception {
    HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/instances/" + id + "/events", new JsonObject().put("type", type));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> get(String path) throws Exception {
    return web.get(port, "127.0.0.1", path).send().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) throws Exception {
    return web.request(method, port, "127.0.0.1", path).sendJsonObject(body)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
