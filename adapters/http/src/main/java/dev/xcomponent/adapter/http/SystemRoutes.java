package dev.xcomponent.adapter.http;

import dev.xcomponent.application.ComponentJson;
import dev.xcomponent.port.ComponentRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /health} and {@code GET /api/runtimes}: what this process serves and how it is
 * deployed, without secrets (the broker description is already masked by whoever built the
 * settings).
 */
final class SystemRoutes {
  private final ComponentRegistry registry;
  private final HttpSettings settings;

  SystemRoutes(ComponentRegistry registry, HttpSettings settings) {
    this.registry = registry;
    this.settings = settings;
  }

  void mount(Router router) {
    router.get("/health").handler(ctx -> Replies.ok(ctx, health()));
    router
        .get("/api/runtimes")
        .handler(
            ctx ->
                Replies.ok(
                    ctx,
                    new JsonObject()
                        .put("runtimes", Views.array(registry.runtimes(), Views::runtime))));
  }

  /** {@code {status, mode, broker, database, components, connectedRuntimes, dependencies}}. */
  JsonObject health() {
    return new JsonObject()
        .put("status", "ok")
        .put("mode", settings.mode())
        .put("broker", settings.brokerDescription())
        .put("database", settings.database())
        .put("components", new JsonArray(registry.components().stream().map(dev.xcomponent.domain.model.Component::name).toList()))
        .put("connectedRuntimes", registry.runtimes().size())
        .put("dependencies", Json.toJsonObject(registry.dependencies()));
  }
}
