package dev.xcomponent.adapter.http;

import dev.xcomponent.port.AvailableTransition;
import dev.xcomponent.port.BroadcastResult;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.HistoryEntry;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.PendingTimeout;
import dev.xcomponent.port.RuntimeInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.function.Function;

/**
 * Writes the value types of the driving port as the JSON the API returns. Field names follow the
 * reference dashboard ({@code instanceId}, {@code context}, {@code pendingTimeouts}, ...), so the
 * bundled UI reads them without translation.
 */
public final class Views {
  private Views() {}

  /**
   * An instance: {@code id} and {@code instanceId} (same value), {@code componentName}, {@code
   * machineName}, {@code currentState}, {@code status}, {@code context} (the instance data, which
   * is the public member when the machine has one), {@code publicMember} when there is one, {@code
   * pendingTimeouts}, {@code createdAt}, {@code updatedAt}, {@code isEntryPoint}, {@code finished},
   * and {@code parentInstanceId}/{@code parentMachineName} when set.
   */
  public static JsonObject instance(InstanceView v) {
    JsonObject o =
        new JsonObject()
            .put("id", v.id())
            .put("instanceId", v.id())
            .put("componentName", v.componentName())
            .put("machineName", v.machineName())
            .put("currentState", v.currentState())
            .put("status", v.status())
            .put("context", orEmpty(Json.toJsonObject(v.data())));
    if (v.publicMember() != null) {
      o.put("publicMember", Json.toJsonObject(v.publicMember()));
    }
    o.put("pendingTimeouts", array(v.pendingTimeouts(), Views::pendingTimeout))
        .put("createdAt", v.createdAt())
        .put("updatedAt", v.updatedAt())
        .put("isEntryPoint", v.entryPoint())
        .put("finished", v.finished());
    if (v.parentInstanceId() != null) {
      o.put("parentInstanceId", v.parentInstanceId());
    }
    if (v.parentMachineName() != null) {
      o.put("parentMachineName", v.parentMachineName());
    }
    return o;
  }

  /**
   * A timer: {@code event}, {@code remainingMs}, {@code targetState}, {@code totalMs}, {@code
   * type}.
   */
  public static JsonObject pendingTimeout(PendingTimeout t) {
    return new JsonObject()
        .put("event", t.event())
        .put("remainingMs", t.remainingMs())
        .put("targetState", t.targetState())
        .put("totalMs", t.totalMs())
        .put("type", t.type());
  }

  /**
   * The answer to an event: {@code success} (always true: failures are errors), {@code outcome}
   * ({@code transitioned} or {@code ignored}), {@code previousState}, {@code currentState}, {@code
   * instance}, and {@code reason} when the event was ignored for a stated reason.
   */
  public static JsonObject outcome(EventOutcome outcome) {
    JsonObject o =
        new JsonObject()
            .put("success", true)
            .put("outcome", outcome.outcome())
            .put("previousState", outcome.previousState())
            .put("currentState", outcome.currentState())
            .put("instance", outcome.instance() == null ? null : instance(outcome.instance()));
    if (outcome.reason() != null) {
      o.put("reason", outcome.reason());
    }
    return o;
  }

  /** A broadcast result: {@code matched} and {@code processed}. */
  public static JsonObject broadcast(BroadcastResult result) {
    return new JsonObject().put("matched", result.matched()).put("processed", result.processed());
  }

  /**
   * A recorded event, with the fields of {@link HistoryEntry} under their own names ({@code
   * eventType}, {@code payload}, {@code fromState}, {@code toState}, {@code data}, {@code
   * sourceComponent}, {@code timestamp}, ...).
   */
  public static JsonObject history(HistoryEntry h) {
    return new JsonObject()
        .put("id", h.id())
        .put("seq", h.seq())
        .put("instanceId", h.instanceId())
        .put("componentName", h.componentName())
        .put("machineName", h.machineName())
        .put("eventType", h.eventType())
        .put("payload", orEmpty(Json.toJsonObject(h.payload())))
        .put("fromState", h.fromState())
        .put("toState", h.toState())
        .put("data", orEmpty(Json.toJsonObject(h.data())))
        .put("sourceComponent", h.sourceComponent())
        .put("timestamp", h.timestamp())
        .put("causationId", h.causationId())
        .put("correlationId", h.correlationId());
  }

  /** A transition leaving the current state, with every field of {@link AvailableTransition}. */
  public static JsonObject transition(AvailableTransition t) {
    return new JsonObject()
        .put("index", t.index())
        .put("event", t.event())
        .put("from", t.from())
        .put("to", t.to())
        .put("type", t.type())
        .put("targetMachine", t.targetMachine())
        .put("targetComponent", t.targetComponent())
        .put("hasMatchingRules", t.hasMatchingRules());
  }

  /**
   * A runtime: {@code runtimeId}, {@code componentName}, {@code host}, {@code port}, {@code
   * lastSeen}.
   */
  public static JsonObject runtime(RuntimeInfo r) {
    return new JsonObject()
        .put("runtimeId", r.runtimeId())
        .put("componentName", r.componentName())
        .put("host", r.host())
        .put("port", r.port())
        .put("lastSeen", r.lastSeen());
  }

  /** A JSON array of {@code items} written by {@code mapper}; null gives an empty array. */
  public static <T> JsonArray array(Collection<T> items, Function<T, JsonObject> mapper) {
    JsonArray a = new JsonArray();
    if (items != null) {
      items.forEach(i -> a.add(mapper.apply(i)));
    }
    return a;
  }

  private static JsonObject orEmpty(JsonObject o) {
    return o == null ? new JsonObject() : o;
  }
}
