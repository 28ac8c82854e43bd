package dev.xcomponent.adapter.http;

import dev.xcomponent.application.ComponentJson;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Component resources: the list of components, one component's full definition, creating an
 * instance, and broadcasting an event to a machine's instances.
 */
final class ComponentRoutes {
  private final ComponentRegistry registry;

  ComponentRoutes(ComponentRegistry registry) {
    this.registry = registry;
  }

  void mount(Router router) {
    router.get("/api/components").handler(this::list);
    router.get("/api/components/:component").handler(this::detail);
    router.get("/api/components/:component/machines").handler(this::machines);
    router.post("/api/components/:component/instances").handler(this::create);
    router.post("/api/components/:component/machines/:machine/broadcast").handler(this::broadcast);
  }

  private void list(RoutingContext ctx) {
    Replies.ok(
        ctx,
        new JsonObject()
            .put("components", Views.array(registry.components(), ComponentJson::summary)));
  }

  private void detail(RoutingContext ctx) {
    Replies.ok(ctx, ComponentJson.component(component(Requests.path(ctx, "component"))));
  }

  /** {@code {machines: [every field of each machine]}}. */
  private void machines(RoutingContext ctx) {
    Replies.ok(ctx, new JsonObject().put("machines",
        Views.array(component(Requests.path(ctx, "component")).stateMachines(), ComponentJson::machine)));
  }

  /** Body {@code {machineName?, context?}}; 201 {@code {instanceId, componentName, instance}}. */
  private void create(RoutingContext ctx) {
    String component = Requests.path(ctx, "component");
    JsonObject body = Requests.body(ctx);
    String machine = Requests.identifierField(body, "machineName");
    Map<String, Object> context = Requests.objectField(body, "context");
    Replies.later(
        ctx,
        registry.createInstance(component, machine, context),
        201,
        view ->
            new JsonObject()
                .put("instanceId", view.id())
                .put("componentName", view.componentName())
                .put("instance", Views.instance(view)));
  }

  /** Body {@code {type|event, payload?, currentState?}}; answers {@code {matched, processed}}. */
  private void broadcast(RoutingContext ctx) {
    String component = Requests.path(ctx, "component");
    String machine = Requests.path(ctx, "machine");
    JsonObject body = Requests.body(ctx);
    String type = Requests.eventType(body);
    Map<String, Object> payload = Requests.objectField(body, "payload");
    String state = Requests.identifierField(body, "currentState");
    if ("*".equals(state)) {
      state = null;
    }
    Event event = Event.of(type, payload, System.currentTimeMillis());
    Replies.later(ctx, registry.broadcast(component, machine, event, state), 200, Views::broadcast);
  }

  private Component component(String name) {
    return registry.component(name).orElseThrow(() -> RuntimeFailure.componentNotFound(name));
  }
}
