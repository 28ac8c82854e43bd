package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BearerAuthTest {
  private static final String OPERATOR = "op-0123456789abcdef";
  private static final String VIEWER = "view-0123456789abcdef";
  private Vertx vertx;
  private ApiServer api;
  private WebClient web;
  private int port;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    HttpSettings settings = HttpSettings.defaults().withAddress("127.0.0.1", 0)
        .withAccess(new AccessTokens(OPERATOR, VIEWER));
    api = ApiServer.start(vertx, settings);
    web = WebClient.create(vertx);
    port = api.port();
  }

  @AfterEach
  void stop() throws Exception {
    web.close();
    api.stop();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> get(String path, String token) {
    var r = web.get(port, "127.0.0.1", path);
    if (token != null) {
      r.putHeader("Authorization", "Bearer " + token);
    }
    return ApiServer.await(r.send());
  }

  private HttpResponse<Buffer> post(String path, String token, JsonObject body) {
    var r = web.post(port, "127.0.0.1", path);
    if (token != null) {
      r.putHeader("Authorization", "Bearer " + token);
    }
    return ApiServer.await(r.sendJsonObject(body));
  }

  @Test
  void theApiNeedsATokenAndSaysWhichHeaderToSend() {
    HttpResponse<Buffer> none = get("/api/components", null);
    JsonObject body = ApiServer.error(none, 401, "UNAUTHORIZED");
    assertThat(body.getString("error")).contains("Authorization: Bearer");
    assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");
    ApiServer.error(get("/api/components", "wrong-token-0123456789"), 401, "UNAUTHORIZED");
    assertThat(get("/api/components", OPERATOR).statusCode()).isEqualTo(200);
  }

  @Test
  void theViewerReadsButCannotCreateOrFire() {
    assertThat(get("/api/instances", VIEWER).statusCode()).isEqualTo(200);
    ApiServer.error(post("/api/components/Shop/instances", VIEWER, new JsonObject()), 403, "FORBIDDEN");
    HttpResponse<Buffer> created = post("/api/components/Shop/instances", OPERATOR, new JsonObject());
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("instanceId");
    ApiServer.error(post("/api/instances/" + id + "/events", VIEWER, new JsonObject().put("type", "PAY")), 403, "FORBIDDEN");
  }

  @Test
  void healthAndTheApiDocumentStayOpen() {
    assertThat(get("/health", null).statusCode()).isEqualTo(200);
    assertThat(get("/openapi.json", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theWebSocketHandshakeChecksTheTokenToo() throws Exception {
    WebSocketClient ws = vertx.createWebSocketClient();
    try {
      WebSocketConnectOptions without = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
      assertThatThrownBy(() -> ws.connect(without).await(10, TimeUnit.SECONDS))
          .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(401));
      WebSocketConnectOptions withQuery = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/ws?access_token=" + VIEWER);
      ws.connect(withQuery).await(10, TimeUnit.SECONDS).close();
    } finally {
      ws.close();
    }
  }

  @Test
  void weakOrInconsistentTokensAreRefusedAtStartUp() {
    assertThatThrownBy(() -> new AccessTokens("short", null)).hasMessageContaining("at least 16");
    assertThatThrownBy(() -> new AccessTokens(null, VIEWER)).hasMessageContaining("operator token");
    assertThatThrownBy(() -> new AccessTokens(OPERATOR, OPERATOR)).hasMessageContaining("differ");
    assertThat(new AccessTokens(" ", null).required()).isFalse();
  }
}
