package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.port.HandlerRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real application core ({@link LocalComponentRegistry}) behind an {@link HttpApiVerticle} on a
 * free port of 127.0.0.1, plus a blocking client for readable tests (they run on the JUnit thread,
 * where waiting is allowed).
 */
final class ApiServer {
  static final long MAX_BODY = 4096;

  final LocalComponentRegistry registry;
  final HttpApiVerticle verticle;
  final WebClient client;

  private ApiServer(LocalComponentRegistry registry, HttpApiVerticle verticle, WebClient client) {
    this.registry = registry;
    this.verticle = verticle;
    this.client = client;
  }

  static ApiServer start(Vertx vertx) {
    return start(
        vertx,
        HttpSettings.defaults()
            .withAddress("127.0.0.1", 0)
            .withMaxBodyBytes(MAX_BODY)
            .withMaxListLimit(3));
  }

  static ApiServer start(Vertx vertx, HttpSettings settings) {
    LocalComponentRegistry registry =
        await(
            LocalComponentRegistry.start(
                vertx,
                List.of(Fixtures.shop(), Fixtures.gate()),
                new HandlerRegistry(),
                new DroppingBroker(),
                RuntimeSettings.defaults().withPartitions(2)));
    HttpApiVerticle verticle = new HttpApiVerticle(registry, settings);
    await(vertx.deployVerticle(verticle));
    return new ApiServer(registry, verticle, WebClient.create(vertx));
  }

  int port() {
    return verticle.actualPort();
  }

  void stop() {
    client.close();
    await(registry.stop());
  }

  HttpResponse<Buffer> get(String path) {
    return await(client.get(verticle.actualPort(), "127.0.0.1", path).send());
  }

  HttpResponse<Buffer> post(String path, JsonObject body) {
    return await(client.post(verticle.actualPort(), "127.0.0.1", path).sendJsonObject(body));
  }

  HttpResponse<Buffer> postRaw(String path, String body) {
    return await(
        client
            .post(verticle.actualPort(), "127.0.0.1", path)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(body)));
  }

  /** Creates an instance and returns its id. */
  String create(String component, JsonObject body) {
    HttpResponse<Buffer> r = post("/api/components/" + component + "/instances", body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getString("instanceId");
  }

  /** Asserts a JSON error answer and returns its body. */
  static JsonObject error(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("error", "code");
    assertThat(body.getString("code")).isEqualTo(code);
    assertThat(body.getString("error")).doesNotContain("\tat ", "Exception");
    return body;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out", e);
    }
  }
}
