package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.http.live.LiveSockets;
import dev.xcomponent.adapter.http.live.LiveUpdates;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live-update WebSocket {@code /ws} against the real application core. */
@ExtendWith(VertxExtension.class)
class LiveUpdatesTest {
  private ApiServer api;
  private WebSocketClient client;

  @BeforeEach
  void start(Vertx vertx) {
    api =
        ApiServer.start(
            vertx,
            HttpSettings.defaults()
                .withAddress("127.0.0.1", 0)
                .withWebSocket(
                    WebSocketSettings.defaults()
                        .withMaxSockets(3)
                        .withAllowedOrigins(List.of("https://ops.example/"))));
    client = vertx.createWebSocketClient();
  }

  @AfterEach
  void stop() {
    ApiServer.await(client.close());
    api.stop();
  }

  /** A connected socket whose text messages land in a queue. */
  private record Client(WebSocket ws, BlockingQueue<JsonObject> received) {
    JsonObject next() throws InterruptedException {
      JsonObject m = received.poll(10, TimeUnit.SECONDS);
      assertThat(m).as("a message within 10 s").isNotNull();
      return m;
    }

    /** The next message of {@code type}, skipping others. */
    JsonObject next(String type) throws InterruptedException {
      while (true) {
        JsonObject m = next();
        if (type.equals(m.getString("type"))) {
          return m;
        }
      }
    }
  }

  private WebSocketConnectOptions options(String origin) {
    WebSocketConnectOptions o =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(api.verticle.actualPort())
            .setURI("/ws")
            .setAllowOriginHeader(origin != null);
    if (origin != null) {
      o.addHeader("Origin", origin);
    }
    return o;
  }

  private Client connect(String origin) {
    return connect(client, origin);
  }

  private Client connect(WebSocketClient from, String origin) {
    BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
    Promise<WebSocket> ready = Promise.promise();
    from.webSocket()
        .textMessageHandler(text -> queue.add(new JsonObject(text)))
        .connect(options(origin))
        .onComplete(ready);
    return new Client(ApiServer.await(ready.future()), queue);
  }

  private int refusedStatus(String origin) {
    Future<WebSocket> f = client.connect(options(origin));
    try {
      f.await(10, TimeUnit.SECONDS);
    } catch (UpgradeRejectedException e) {
      return e.getStatus();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the handshake was accepted");
  }

  @Test
  void aNewClientReceivesTheComponentsThenTheInstancesOfEach() throws Exception {
    String id = api.create("Shop", new JsonObject());
    Client c = connect(null);

    JsonObject list = c.next();
    assertThat(list.getString("type")).isEqualTo("components_list");
    assertThat(list.fieldNames()).containsExactly("type", "componentName", "data", "timestamp");
    JsonArray components = list.getJsonObject("data").getJsonArray("components");
    assertThat(components.getJsonObject(0).getString("name")).isEqualTo("Shop");
    assertThat(components.getJsonObject(0).getJsonArray("stateMachines")).hasSize(2);

    JsonObject shop = c.next();
    assertThat(shop.getString("type")).isEqualTo("instances_update");
    assertThat(shop.getString("componentName")).isEqualTo("Shop");
    JsonArray instances = shop.getJsonObject("data").getJsonArray("instances");
    assertThat(instances).hasSize(1);
    assertThat(instances.getJsonObject(0).getString("id")).isEqualTo(id);
    JsonObject gate = c.next();
    assertThat(gate.getString("componentName")).isEqualTo("Gate");
  }

  @Test
  void stateChangesCreationsAndCompletionsArePushed() throws Exception {
    Client c = connect("http://127.0.0.1:" + api.verticle.actualPort());
    c.next("instances_update");
    String id = api.create("Shop", new JsonObject().put("context", new JsonObject().put("n", 1)));

    JsonObject created = c.next("instance_created");
    assertThat(created.getString("componentName")).isEqualTo("Shop");
    assertThat(created.getJsonObject("data").getString("id")).isEqualTo(id);

    api.post("/api/instances/" + id + "/events", new JsonObject().put("type", "VALIDATE"));
    JsonObject change = c.next("state_change");
    JsonObject data = change.getJsonObject("data");
    assertThat(data.getString("instanceId")).isEqualTo(id);
    assertThat(data.getString("previousState")).isEqualTo("Draft");
    assertThat(data.getString("newState")).isEqualTo("Validated");
    assertThat(data.getString("componentName")).isEqualTo("Shop");
    assertThat(data.getJsonObject("instance").getJsonObject("context").getInteger("n"))
        .isEqualTo(1);
    assertThat(change.getLong("timestamp")).isPositive();

    api.post("/api/instances/" + id + "/events", new JsonObject().put("type", "SHIP"));
    assertThat(c.next("instance_disposed").getJsonObject("data").getString("status"))
        .isEqualTo("completed");
    assertThat(c.next("instance_completed").getJsonObject("data").getString("currentState"))
        .isEqualTo("Shipped");
  }

  @Test
  void foreignOriginsAreRefusedAtTheHandshake() throws Exception {
    assertThat(refusedStatus("https://evil.example")).isEqualTo(403);
    assertThat(refusedStatus("http://127.0.0.1:1")).isEqualTo(403);
    assertThat(refusedStatus("null")).isEqualTo(403);
    assertThat(connect("https://ops.example").next().getString("type"))
        .isEqualTo("components_list");
    assertThat(api.registry).isNotNull();
  }

  @Test
  void socketsAreCappedAndCountedBackWhenClosed() throws Exception {
    Client a = connect(null);
    connect(null);
    connect(null);
    assertThat(refusedStatus(null)).isEqualTo(503);
    ApiServer.await(a.ws().close());
    long deadline = System.currentTimeMillis() + 5000;
    while (true) {
      try {
        connect(null);
        break;
      } catch (UpgradeRejectedException e) {
        assertThat(System.currentTimeMillis()).isLessThan(deadline);
        Thread.sleep(20);
      }
    }
  }

  @Test
  void anOversizedFrameClosesTheSocketWith1009() throws Exception {
    Client c = connect(null);
    c.next("instances_update");
    Promise<Short> closed = Promise.promise();
    c.ws().closeHandler(v -> closed.tryComplete(c.ws().closeStatusCode()));
    c.ws().writeTextMessage("x".repeat(20_000));
    assertThat(ApiServer.await(closed.future())).isEqualTo((short) 1009);
  }

  @Test
  void aPlainRequestIsNotUpgraded() {
    ApiServer.error(api.get("/ws"), 400, "INVALID_REQUEST");
  }

  @Test
  void aClientThatStopsReadingIsDropped(Vertx vertx) throws Exception {
    WebSocketClient small =
        vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(4096));
    Client slow = connect(small, null);
    slow.next("instances_update");
    slow.ws().pause();
    Promise<Short> closed = Promise.promise();
    slow.ws().closeHandler(v -> closed.tryComplete(slow.ws().closeStatusCode()));
    LiveUpdates hub = LiveUpdates.shared(vertx, api.registry);
    assertThat(hub.openSockets()).isEqualTo(1);
    JsonObject big = new JsonObject().put("blob", "x".repeat(100_000));
    for (int i = 0; i < 500 && hub.openSockets() > 0; i++) {
      api.create("Shop", new JsonObject().put("context", big));
    }
    assertThat(hub.openSockets()).as("the slow client was dropped").isZero();
    slow.ws().resume();
    assertThat(ApiServer.await(closed.future())).isEqualTo(LiveSockets.TOO_SLOW);
    ApiServer.await(small.close());
  }
}
