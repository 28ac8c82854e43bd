package dev.xcomponent.adapter.http;

import static dev.xcomponent.adapter.http.ApiServer.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Limits, identifiers, unknown routes, static files and headers. */
@ExtendWith(VertxExtension.class)
class HttpEdgeTest {
  private ApiServer api;
  private Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    api = ApiServer.start(vertx);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  @Test
  void oversizedBodiesGet413() {
    String big =
        "{\"type\":\"X\",\"payload\":{\"s\":\"" + "a".repeat((int) ApiServer.MAX_BODY) + "\"}}";
    JsonObject body =
        error(api.postRaw("/api/instances/any/events", big), 413, "PAYLOAD_TOO_LARGE");
    assertThat(body.getString("error")).contains(String.valueOf(ApiServer.MAX_BODY));
  }

  @Test
  void oversizedChunkedBodiesWithoutLengthGet413() {
    HttpClient http = vertx.createHttpClient();
    Buffer chunk = Buffer.buffer("a".repeat(1024));
    HttpClientResponse r =
        ApiServer.await(
            http.request(
                    HttpMethod.POST,
                    api.verticle.actualPort(),
                    "127.0.0.1",
                    "/api/instances/x/events")
                .compose(
                    req -> {
                      req.setChunked(true);
                      for (int i = 0; i < 8; i++) {
                        req.write(chunk);
                      }
                      req.end();
                      return req.response();
                    }));
    assertThat(r.statusCode()).isEqualTo(413);
    ApiServer.await(http.close());
  }

  @Test
  void deeplyNestedJsonIsRefused() {
    int depth = 1990;
    String body =
        "{\"type\":\"X\",\"payload\":{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}}";
    assertThat(body.length()).isLessThan((int) ApiServer.MAX_BODY);
    error(api.postRaw("/api/instances/x/events", body), 400, "INVALID_JSON");
  }

  @Test
  void identifiersAreCheckedBeforeTheRegistry() {
    error(api.get("/api/instances/" + "x".repeat(256)), 400, "INVALID_REQUEST");
    error(api.get("/api/instances/a%01b"), 400, "INVALID_REQUEST");
    error(api.get("/api/components/" + "C".repeat(300)), 400, "INVALID_REQUEST");
    error(api.get("/api/instances?component=a%00b"), 400, "INVALID_REQUEST");
    error(
        api.post("/api/components/Shop/instances", new JsonObject().put("machineName", "M\n")),
        400,
        "INVALID_REQUEST");
    error(
        api.post("/api/instances/x/events", new JsonObject().put("type", "E".repeat(256))),
        400,
        "INVALID_REQUEST");
    error(api.get("/api/instances/..%2F..%2Fetc"), 404, "INSTANCE_NOT_FOUND");
  }

  @Test
  void unknownApiRoutesAndMethodsAreJson() {
    error(api.get("/api/nothing/here"), 404, "NOT_FOUND");
    error(api.post("/api/components", new JsonObject()), 405, "METHOD_NOT_ALLOWED");
    error(api.get("/no-such-file.txt"), 404, "NOT_FOUND");
  }

  @Test
  void rootRedirectsToTheDashboard() {
    HttpResponse<Buffer> r =
        ApiServer.await(
            api.client
                .get(api.verticle.actualPort(), "127.0.0.1", "/")
                .followRedirects(false)
                .send());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("Location")).isEqualTo("/dashboard.html");
  }

  @Test
  void securityHeadersAndNoCors() {
    HttpResponse<Buffer> json = api.get("/health");
    assertThat(json.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(json.getHeader("Access-Control-Allow-Origin")).isNull();
    assertThat(json.getHeader("Content-Security-Policy")).isNull();

    HttpResponse<Buffer> html = api.get("/csp-probe.html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.bodyAsString()).contains("Static files are served.");
    assertThat(html.getHeader("Content-Type")).startsWith("text/html");
    assertThat(html.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
    assertThat(html.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

    HttpResponse<Buffer> failed = api.get("/api/instances/nope");
    assertThat(failed.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void actualPortIsKnownAfterStart() {
    assertThat(api.verticle.actualPort()).isPositive();
    assertThat(api.verticle.settings().host()).isEqualTo("127.0.0.1");
  }
}
