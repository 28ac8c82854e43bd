package dev.xcomponent.adapter.http;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.InstanceCursor;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * Instance resources: listing with filters, one instance, sending it an event, the transitions it
 * can take and its recorded history.
 */
final class InstanceRoutes {
  /** Default size of a listing when no {@code limit} is given. */
  static final int DEFAULT_LIMIT = 100;

  private static final Set<String> STATUSES = Set.of("active", "completed", "error");

  private final ComponentRegistry registry;
  private final HttpSettings settings;

  InstanceRoutes(ComponentRegistry registry, HttpSettings settings) {
    this.registry = registry;
    this.settings = settings;
  }

  void mount(Router router) {
    router.get("/api/instances").handler(this::list);
    router.get("/api/components/:component/instances").handler(this::listOfComponent);
    router.get("/api/instances/:id").handler(this::get);
    router.post("/api/instances/:id/events").handler(this::send);
    // The reference dashboard's name for the same thing (SPEC e.1).
    router.post("/api/instances/:id/trigger").handler(this::send);
    router.post("/api/components/:component/instances/:id/events").handler(this::send);
    router.get("/api/instances/:id/transitions").handler(this::transitions);
    router.get("/api/instances/:id/history").handler(this::history);
  }

  /** The listing of one component (404 when it is unknown); same query parameters. */
  private void listOfComponent(RoutingContext ctx) {
    String component = Requests.path(ctx, "component");
    if (registry.component(component).isEmpty()) {
      throw RuntimeFailure.componentNotFound(component);
    }
    list(ctx, component);
  }

  /**
   * Query {@code component, machine, state, status, limit, after}; answers {@code {instances,
   * next}}: {@code next} is the cursor to pass as {@code after} for the following page, or null
   * when this page is the last.
   */
  private void list(RoutingContext ctx) {
    list(ctx, Requests.query(ctx, "component"));
  }

  private void list(RoutingContext ctx, String component) {
    String status = Requests.query(ctx, "status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.invalid(
          "Query parameter 'status' must be one of active, completed, error");
    }
    int limit = Requests.limit(ctx, DEFAULT_LIMIT, settings.maxListLimit());
    // One more than asked tells whether a next page exists.
    InstanceQuery query =
        new InstanceQuery(
            component,
            Requests.query(ctx, "machine"),
            Requests.query(ctx, "state"),
            status,
            limit + 1,
            cursor(ctx.queryParams().get("after")));
    List<InstanceView> found = registry.listInstances(query);
    List<InstanceView> page = found.size() > limit ? found.subList(0, limit) : found;
    String next = found.size() > limit ? InstanceCursor.of(page.get(limit - 1)).encode() : null;
    Replies.ok(
        ctx,
        new JsonObject()
            .put("instances", Views.array(page, Views::instance))
            .put("next", next));
  }

  /** The {@code after} cursor (not an identifier: it may be longer than one); absent gives null. */
  private static InstanceCursor cursor(String after) {
    if (after == null || after.isEmpty()) {
      return null;
    }
    try {
      return InstanceCursor.parse(after);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "Query parameter 'after' must be the 'next' cursor of a previous listing");
    }
  }

  private void get(RoutingContext ctx) {
    Replies.ok(ctx, new JsonObject().put("instance", Views.instance(find(ctx))));
  }

  /**
   * Body {@code {type|event, payload?}}; answers the outcome once the event is processed. On the
   * component route the instance must belong to that component. An {@code Idempotency-Key} header
   * makes a retried request safe: a key already recorded is not applied again (outcome {@code
   * ignored}, reason {@code duplicate…}).
   */
  private void send(RoutingContext ctx) {
    String component = Requests.path(ctx, "component");
    String id = Requests.path(ctx, "id");
    JsonObject body = Requests.body(ctx);
    String type = Requests.eventType(body);
    Event event = Event.of(type, Requests.objectField(body, "payload"), System.currentTimeMillis());
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null && !key.isEmpty()) {
      event = event.withIdempotencyKey(Requests.identifier("Idempotency-Key", key));
    }
    Replies.later(ctx, registry.sendEvent(component, id, event), 200, Views::outcome);
  }

  private void transitions(RoutingContext ctx) {
    InstanceView view = find(ctx);
    Replies.ok(
        ctx,
        new JsonObject()
            .put(
                "transitions",
                Views.array(registry.availableTransitions(view.id()), Views::transition)));
  }

  private void history(RoutingContext ctx) {
    String id = Requests.path(ctx, "id");
    Replies.later(
        ctx,
        registry.history(id),
        200,
        entries -> new JsonObject().put("history", Views.array(entries, Views::history)));
  }

  private InstanceView find(RoutingContext ctx) {
    String id = Requests.path(ctx, "id");
    return registry.findInstance(id).orElseThrow(() -> RuntimeFailure.instanceNotFound(id));
  }
}
