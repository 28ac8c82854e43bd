package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.junit5.VertxExtension;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI document describes every route of the router, and is served. */
@ExtendWith(VertxExtension.class)
class OpenApiTest {
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
  void everyRouteIsDocumentedWithItsMethod() {
    JsonObject doc = api.get("/openapi.json").bodyAsJsonObject();
    assertThat(doc.getString("openapi")).startsWith("3.");
    JsonObject paths = doc.getJsonObject("paths");
    Set<String> missing = new TreeSet<>();
    for (Route route : ApiRouter.create(vertx, api.registry, HttpSettings.defaults(), ctx -> { }).getRoutes()) {
      String path = route.getPath();
      if (path == null || path.endsWith("*") || path.endsWith("/") || route.methods() == null) {
        continue; // filters, the static files, the API catch-all and the root redirect
      }
      String openApiPath = path.replaceAll(":([A-Za-z]+)", "{$1}");
      for (var method : route.methods()) {
        JsonObject item = paths.getJsonObject(openApiPath);
        if (item == null || !item.containsKey(method.name().toLowerCase())) {
          missing.add(method.name() + " " + openApiPath);
        }
      }
    }
    assertThat(missing).as("routes missing from openapi.json").isEmpty();
  }
}
