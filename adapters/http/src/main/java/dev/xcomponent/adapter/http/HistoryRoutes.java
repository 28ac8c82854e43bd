package dev.xcomponent.adapter.http;

import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.RuntimeFailure;
import dev.xcomponent.port.SnapshotSearch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Audit routes: the search of recorded instances by component, machine, state and text; the
 * recorded trail of one instance (latest snapshot and events); and the events of the business flow
 * it belongs to, across components. They read the event store when one is configured.
 */
final class HistoryRoutes {
  private static final int DEFAULT_LIMIT = 500;
  private static final int MAX_LIMIT = 5_000;
  private static final int DEFAULT_SEARCH_LIMIT = 100;

  private final ComponentRegistry registry;

  HistoryRoutes(ComponentRegistry registry) {
    this.registry = registry;
  }

  void mount(Router router) {
    router.get("/api/history/instances").handler(this::search);
    router.get("/api/history/instances/:id/events").handler(this::trail);
    router.get("/api/history/correlated/:id").handler(this::correlated);
  }

  /**
   * Query {@code component, machine, state, q} (text in the id or data, case-insensitive) and
   * {@code limit} (default 100, at most 500); answers {@code {instances}}, the latest snapshot of
   * each instance found, newest first. Without an event store: {@code {instances: [], message}}.
   */
  private void search(RoutingContext ctx) {
    SnapshotSearch query = new SnapshotSearch(
        Requests.query(ctx, "component"),
        Requests.query(ctx, "machine"),
        Requests.query(ctx, "state"),
        Requests.query(ctx, "q"),
        Requests.limit(ctx, DEFAULT_SEARCH_LIMIT, SnapshotSearch.MAX_LIMIT));
    Future<JsonObject> answer = registry.searchHistory(query)
        .map(found -> new JsonObject().put("instances", Views.array(found, HistoryRoutes::snapshot)))
        .recover(t -> RuntimeFailure.isNoEventStore(t)
            ? Future.succeededFuture(new JsonObject().put("instances", new JsonArray()).put("message", t.getMessage()))
            : Future.failedFuture(t));
    Replies.later(ctx, answer, 200, body -> body);
  }

  /** {@code {instanceId, snapshot, events, fromStore}}. */
  private void trail(RoutingContext ctx) {
    String id = Requests.path(ctx, "id");
    Replies.later(ctx, registry.auditTrail(id), 200, t -> new JsonObject()
        .put("instanceId", t.instanceId())
        .put("snapshot", t.snapshot() == null ? null : snapshot(t.snapshot()))
        .put("events", Views.array(t.events(), Views::history))
        .put("fromStore", t.fromStore()));
  }

  /** {@code {correlationId, events, fromStore}}, at most {@code limit} events (default 500). */
  private void correlated(RoutingContext ctx) {
    String id = Requests.path(ctx, "id");
    int limit = Requests.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT);
    Replies.later(ctx, registry.correlated(id, limit), 200, c -> new JsonObject()
        .put("correlationId", c.correlationId())
        .put("events", Views.array(c.events(), Views::history))
        .put("fromStore", c.fromStore()));
  }

  private static JsonObject snapshot(InstanceSnapshot s) {
    JsonArray timers = new JsonArray();
    s.timers().forEach(t -> timers.add(new JsonObject().put("transitionIndex", t.transitionIndex()).put("dueAt", t.dueAt())));
    return new JsonObject()
        .put("instanceId", s.instanceId())
        .put("componentName", s.componentName())
        .put("machineName", s.machineName())
        .put("currentState", s.state())
        .put("status", s.status())
        .put("context", Json.toJsonObject(s.publicMember() != null ? s.publicMember() : s.context()))
        .put("seq", s.seq())
        .put("correlationId", s.correlationId())
        .put("createdAt", s.createdAt())
        .put("updatedAt", s.updatedAt())
        .put("pendingTimeouts", timers);
  }
}
