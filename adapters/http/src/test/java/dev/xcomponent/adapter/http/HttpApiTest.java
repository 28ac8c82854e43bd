package dev.xcomponent.adapter.http;

import dev.xcomponent.application.ComponentJson;

import static dev.xcomponent.adapter.http.ApiServer.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST routes against the real application core. */
@ExtendWith(VertxExtension.class)
class HttpApiTest {
  private ApiServer api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiServer.start(vertx);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  @Test
  void healthReportsModeBrokerAndComponents() {
    HttpResponse<Buffer> r = api.get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().encode())
        .isEqualTo(
            "{\"status\":\"ok\",\"mode\":\"monolith\",\"broker\":\"memory\",\"database\":false,"
                + "\"components\":[\"Shop\",\"Gate\"],\"connectedRuntimes\":2,"
                + "\"dependencies\":{\"broker\":\"UP\",\"messaging\":{"
                + "\"Shop\":{\"waitingForBroker\":0,\"deadLetters\":0},"
                + "\"Gate\":{\"waitingForBroker\":0,\"deadLetters\":0}}}}");
  }

  @Test
  void componentsAreListedAndDetailed() {
    JsonArray list = api.get("/api/components").bodyAsJsonObject().getJsonArray("components");
    assertThat(list).hasSize(2);
    JsonObject shop = list.getJsonObject(0);
    assertThat(shop.getString("name")).isEqualTo("Shop");
    assertThat(shop.getString("entryMachineMode")).isEqualTo("multiple");
    JsonObject payment = shop.getJsonArray("stateMachines").getJsonObject(1);
    assertThat(
            payment.getJsonObject("contextSchema").getJsonObject("amount").getBoolean("required"))
        .isTrue();

    JsonObject detail = api.get("/api/components/Shop").bodyAsJsonObject();
    assertThat(detail).isEqualTo(ComponentJson.component(Fixtures.shop()));
    error(api.get("/api/components/Nope"), 404, "COMPONENT_NOT_FOUND");
  }

  @Test
  void runtimesAreListed() {
    JsonArray runtimes = api.get("/api/runtimes").bodyAsJsonObject().getJsonArray("runtimes");
    assertThat(runtimes).hasSize(2);
    assertThat(runtimes.getJsonObject(0).fieldNames())
        .containsExactly("runtimeId", "componentName", "host", "port", "lastSeen");
  }

  @Test
  void createUsesTheEntryMachineByDefault() {
    HttpResponse<Buffer> r =
        api.post(
            "/api/components/Shop/instances",
            new JsonObject()
                .put("context", new JsonObject().put("customer", new JsonObject().put("id", 7))));
    assertThat(r.statusCode()).isEqualTo(201);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("componentName")).isEqualTo("Shop");
    JsonObject instance = body.getJsonObject("instance");
    assertThat(instance.getString("id")).isEqualTo(body.getString("instanceId"));
    assertThat(instance.getString("instanceId")).isEqualTo(body.getString("instanceId"));
    assertThat(instance.getString("machineName")).isEqualTo("Order");
    assertThat(instance.getString("currentState")).isEqualTo("Draft");
    assertThat(instance.getString("status")).isEqualTo("active");
    assertThat(instance.getJsonObject("context").getJsonObject("customer").getInteger("id"))
        .isEqualTo(7);
    assertThat(instance.getBoolean("finished")).isFalse();
  }

  @Test
  void createRefusesUnknownMachinesComponentsAndBadContext() {
    String id =
        api.create(
            "Shop",
            new JsonObject()
                .put("machineName", "Payment")
                .put("context", new JsonObject().put("amount", 5)));
    assertThat(
            api.get("/api/instances/" + id)
                .bodyAsJsonObject()
                .getJsonObject("instance")
                .getString("machineName"))
        .isEqualTo("Payment");
    error(
        api.post("/api/components/Shop/instances", new JsonObject().put("machineName", "Nope")),
        404,
        "MACHINE_NOT_FOUND");
    error(api.post("/api/components/Nope/instances", new JsonObject()), 404, "COMPONENT_NOT_FOUND");
    JsonObject bad =
        error(
            api.post("/api/components/Shop/instances", new JsonObject().put("context", "text")),
            400,
            "INVALID_REQUEST");
    assertThat(bad.getString("error")).contains("'context'");
    error(
        api.post(
            "/api/components/Shop/instances", new JsonObject().put("context", new JsonArray())),
        400,
        "INVALID_REQUEST");
  }

  @Test
  void listFiltersAndLimits() {
    String o1 = api.create("Shop", new JsonObject());
    api.create("Shop", new JsonObject());
    api.create("Shop", new JsonObject().put("machineName", "Payment"));
    api.post("/api/instances/" + o1 + "/events", new JsonObject().put("type", "VALIDATE"));

    assertThat(ids("/api/instances?component=Shop&machine=Order")).hasSize(2);
    assertThat(ids("/api/instances?component=Shop&state=Validated")).containsExactly(o1);
    assertThat(ids("/api/instances?machine=Payment&status=active")).hasSize(1);
    assertThat(ids("/api/instances?component=Gate")).hasSize(1);
    assertThat(ids("/api/instances?limit=1")).hasSize(1);
    assertThat(ids("/api/instances?limit=50")).hasSize(3); // capped by maxListLimit = 3
    error(api.get("/api/instances?limit=abc"), 400, "INVALID_REQUEST");
    error(api.get("/api/instances?limit=0"), 400, "INVALID_REQUEST");
    error(api.get("/api/instances?status=sleeping"), 400, "INVALID_REQUEST");
  }

  @Test
  void getReturnsTheInstanceOr404() {
    String id = api.create("Shop", new JsonObject());
    JsonObject instance =
        api.get("/api/instances/" + id).bodyAsJsonObject().getJsonObject("instance");
    assertThat(instance.getString("id")).isEqualTo(id);
    assertThat(instance.getJsonArray("pendingTimeouts")).isEmpty();
    error(api.get("/api/instances/unknown-id"), 404, "INSTANCE_NOT_FOUND");
  }

  @Test
  void auditRoutesAnswerFromTheRuntimeWithoutAStore() {
    String id = api.create("Shop", new JsonObject());
    api.post("/api/instances/" + id + "/events", new JsonObject().put("type", "VALIDATE"));
    JsonObject trail = api.get("/api/history/instances/" + id + "/events").bodyAsJsonObject();
    assertThat(trail.getBoolean("fromStore")).isFalse();
    assertThat(trail.getValue("snapshot")).isNull();
    assertThat(trail.getJsonArray("events").getJsonObject(0).getString("eventType")).isEqualTo("INSTANCE_CREATED");
    assertThat(trail.getJsonArray("events").getJsonObject(0).getString("correlationId")).isEqualTo(id);
    JsonObject flow = api.get("/api/history/correlated/" + id).bodyAsJsonObject();
    assertThat(flow.getString("correlationId")).isEqualTo(id);
    assertThat(flow.getJsonArray("events").size()).isEqualTo(trail.getJsonArray("events").size());
    error(api.get("/api/history/instances/unknown-id/events"), 404, "INSTANCE_NOT_FOUND");
  }

  @Test
  void eventsAcceptTypeOrEventAndReportTheOutcome() {
    String id = api.create("Shop", new JsonObject());
    HttpResponse<Buffer> r =
        api.post(
            "/api/instances/" + id + "/events",
            new JsonObject()
                .put("type", "VALIDATE")
                .put("payload", new JsonObject().put("by", "ann")));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject out = r.bodyAsJsonObject();
    assertThat(out.getBoolean("success")).isTrue();
    assertThat(out.getString("outcome")).isEqualTo("transitioned");
    assertThat(out.getString("previousState")).isEqualTo("Draft");
    assertThat(out.getString("currentState")).isEqualTo("Validated");
    assertThat(out.getJsonObject("instance").getJsonObject("context").getString("by"))
        .isEqualTo("ann");

    JsonObject ignored =
        api.post(
                "/api/components/Shop/instances/" + id + "/events",
                new JsonObject().put("event", "NOPE"))
            .bodyAsJsonObject();
    assertThat(ignored.getString("outcome")).isEqualTo("ignored");
    assertThat(ignored.getString("currentState")).isEqualTo("Validated");

    JsonObject shipped =
        api.post(
                "/api/components/Shop/instances/" + id + "/events",
                new JsonObject().put("event", "SHIP"))
            .bodyAsJsonObject();
    assertThat(shipped.getString("currentState")).isEqualTo("Shipped");
    assertThat(shipped.getJsonObject("instance").getString("status")).isEqualTo("completed");

    // A finished ordinary instance is disposed or retained as finished: either answer is JSON.
    HttpResponse<Buffer> after =
        api.post("/api/instances/" + id + "/events", new JsonObject().put("type", "SHIP"));
    assertThat(after.statusCode()).isIn(404, 409);
    error(
        after,
        after.statusCode(),
        after.statusCode() == 404 ? "INSTANCE_NOT_FOUND" : "INSTANCE_FINISHED");
  }

  @Test
  void eventsToAnotherComponentsInstanceOrUnknownIdsAre404() {
    String id = api.create("Shop", new JsonObject());
    error(
        api.post(
            "/api/components/Gate/instances/" + id + "/events",
            new JsonObject().put("type", "VALIDATE")),
        404,
        "INSTANCE_NOT_FOUND");
    error(
        api.post(
            "/api/components/Nope/instances/" + id + "/events",
            new JsonObject().put("type", "VALIDATE")),
        404,
        "COMPONENT_NOT_FOUND");
    error(
        api.post("/api/instances/unknown/events", new JsonObject().put("type", "X")),
        404,
        "INSTANCE_NOT_FOUND");
  }

  @Test
  void aFinishedEntryPointStaysAndRefusesEvents() {
    String gate = ids("/api/instances?component=Gate").get(0);
    JsonObject closed =
        api.post("/api/instances/" + gate + "/events", new JsonObject().put("type", "CLOSE"))
            .bodyAsJsonObject();
    assertThat(closed.getString("currentState")).isEqualTo("Closed");
    JsonObject instance =
        api.get("/api/instances/" + gate).bodyAsJsonObject().getJsonObject("instance");
    assertThat(instance.getBoolean("isEntryPoint")).isTrue();
    assertThat(instance.getBoolean("finished")).isTrue();
    error(
        api.post("/api/instances/" + gate + "/events", new JsonObject().put("type", "CLOSE")),
        409,
        "INSTANCE_FINISHED");
  }

  @Test
  void eventBodiesAreChecked() {
    String id = api.create("Shop", new JsonObject());
    JsonObject missing =
        error(
            api.post("/api/instances/" + id + "/events", new JsonObject()), 400, "INVALID_REQUEST");
    assertThat(missing.getString("error"))
        .isEqualTo("Missing event type. Send { \"event\": \"NAME\" } or { \"type\": \"NAME\" }");
    error(
        api.post(
            "/api/instances/" + id + "/events",
            new JsonObject().put("type", "VALIDATE").put("payload", 3)),
        400,
        "INVALID_REQUEST");
    error(api.postRaw("/api/instances/" + id + "/events", "{\"type\": "), 400, "INVALID_JSON");
    error(
        api.postRaw("/api/instances/" + id + "/events", "[\"VALIDATE\"]"), 400, "INVALID_REQUEST");
    assertThat(
            api.get("/api/instances/" + id)
                .bodyAsJsonObject()
                .getJsonObject("instance")
                .getString("currentState"))
        .isEqualTo("Draft");
  }

  @Test
  void broadcastCountsMatchedAndProcessed() {
    api.create("Shop", new JsonObject().put("machineName", "Payment"));
    api.create("Shop", new JsonObject().put("machineName", "Payment"));
    HttpResponse<Buffer> r =
        api.post(
            "/api/components/Shop/machines/Payment/broadcast",
            new JsonObject().put("event", "PAY").put("currentState", "Pending"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().encode()).isEqualTo("{\"matched\":2,\"processed\":2}");
    JsonObject none =
        api.post(
                "/api/components/Shop/machines/Payment/broadcast",
                new JsonObject().put("type", "PAY").put("currentState", "Pending"))
            .bodyAsJsonObject();
    assertThat(none.getInteger("processed")).isZero();
    error(
        api.post(
            "/api/components/Nope/machines/Payment/broadcast", new JsonObject().put("type", "PAY")),
        404,
        "COMPONENT_NOT_FOUND");
    error(
        api.post("/api/components/Shop/machines/Payment/broadcast", new JsonObject()),
        400,
        "INVALID_REQUEST");
  }

  @Test
  void transitionsAndHistoryOfAnInstance() {
    String id = api.create("Shop", new JsonObject());
    JsonArray transitions =
        api.get("/api/instances/" + id + "/transitions")
            .bodyAsJsonObject()
            .getJsonArray("transitions");
    assertThat(transitions.stream().map(t -> ((JsonObject) t).getString("event")))
        .containsExactly("VALIDATE", "CANCEL");
    assertThat(transitions.getJsonObject(0).getString("to")).isEqualTo("Validated");
    error(api.get("/api/instances/nope/transitions"), 404, "INSTANCE_NOT_FOUND");

    api.post("/api/instances/" + id + "/events", new JsonObject().put("type", "VALIDATE"));
    JsonArray history =
        api.get("/api/instances/" + id + "/history").bodyAsJsonObject().getJsonArray("history");
    assertThat(history.stream().map(h -> ((JsonObject) h).getString("eventType")).toList())
        .containsExactly("INSTANCE_CREATED", "VALIDATE");
    JsonObject last = history.getJsonObject(1);
    assertThat(last.getString("fromState")).isEqualTo("Draft");
    assertThat(last.getString("toState")).isEqualTo("Validated");
    assertThat(last.getString("instanceId")).isEqualTo(id);
    error(api.get("/api/instances/nope/history"), 404, "INSTANCE_NOT_FOUND");
  }

  @Test
  void diagramsByComponentOrMachine() {
    JsonObject d =
        api.get("/api/components/Shop/diagrams/Order?currentState=Validated").bodyAsJsonObject();
    assertThat(d.fieldNames())
        .containsExactly("diagram", "machineName", "currentState", "terminalStates", "transitions");
    assertThat(d.getString("diagram"))
        .startsWith("stateDiagram-v2\n")
        .contains("class Validated currentState");
    assertThat(d.getString("currentState")).isEqualTo("Validated");
    assertThat(d.getJsonArray("terminalStates")).containsExactly("Shipped", "Cancelled");
    assertThat(d.getJsonArray("transitions").getJsonObject(0).getInteger("index")).isEqualTo(1);

    JsonObject byMachine = api.get("/api/machines/Payment/diagram").bodyAsJsonObject();
    assertThat(byMachine.getString("machineName")).isEqualTo("Payment");
    assertThat(byMachine.getValue("currentState")).isNull();
    error(api.get("/api/machines/Nope/diagram"), 404, "MACHINE_NOT_FOUND");
    error(api.get("/api/components/Shop/diagrams/Nope"), 404, "MACHINE_NOT_FOUND");
    error(api.get("/api/components/Nope/diagrams/Order"), 404, "COMPONENT_NOT_FOUND");
  }

  private List<String> ids(String path) {
    HttpResponse<Buffer> r = api.get(path);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("instances").stream()
        .map(i -> ((JsonObject) i).getString("id"))
        .toList();
  }

  @Test
  void theReferenceDashboardRoutesAnswerToo() {
    String id = api.create("Shop", new JsonObject());
    JsonObject listed = api.get("/api/components/Shop/instances").bodyAsJsonObject();
    assertThat(listed.getJsonArray("instances").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains(id);
    assertThat(api.get("/api/components/Gate/instances").bodyAsJsonObject().getJsonArray("instances").stream()
        .map(o -> ((JsonObject) o).getString("id"))).doesNotContain(id);
    ApiServer.error(api.get("/api/components/Nope/instances"), 404, "COMPONENT_NOT_FOUND");
    JsonArray machines = api.get("/api/components/Shop/machines").bodyAsJsonObject().getJsonArray("machines");
    assertThat(machines.getJsonObject(0).getString("name")).isNotBlank();
    assertThat(machines.getJsonObject(0).getJsonArray("transitions")).isNotEmpty();
    ApiServer.error(api.get("/api/components/Nope/machines"), 404, "COMPONENT_NOT_FOUND");
    JsonObject triggered = api.post("/api/instances/" + id + "/trigger", new JsonObject().put("event", "NOPE"))
        .bodyAsJsonObject();
    assertThat(triggered.getString("outcome")).isEqualTo("ignored");
  }
}
