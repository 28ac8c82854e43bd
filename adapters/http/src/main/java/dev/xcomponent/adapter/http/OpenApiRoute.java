package dev.xcomponent.adapter.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document of the whole API at {@code GET /openapi.json}; the dashboard's {@code
 * api-docs.html} renders it for people. The document is read once from the classpath; a test
 * checks that every route of the router is in it.
 */
final class OpenApiRoute {
  static final String RESOURCE = "/openapi/openapi.json";
  private final Buffer document;

  OpenApiRoute() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the jar");
      }
      document = Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void mount(Router router) {
    router.get("/openapi.json").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(document));
  }
}
