package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.StoredEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a stored event. It keeps the field names of the reference's {@code
 * PersistedEvent} ({@code id, instanceId, machineName, componentName, event{type, payload,
 * timestamp}, stateBefore, stateAfter, persistedAt, causedBy, caused, sourceComponentName,
 * publicMemberSnapshot}), so tools written against the reference's Redis data still read it, and
 * adds ours: {@code seq, publicMember, context, status, transitionIndex, correlationId,
 * idempotencyKey}.
 *
 * <p>{@code publicMemberSnapshot} holds the event's {@code data} (the public member when the
 * machine has one, else the context: what the reference put there). {@code causedBy} is a list of
 * at most one id, the causation id; {@code caused} is always empty, as the reference leaves it.
 * Absent optional values are left out rather than written as null, and so is {@code context} when
 * it equals {@code publicMemberSnapshot} (machines without a public member), which keeps the
 * instance data from being stored twice in every event.
 */
final class EventJson {
  private EventJson() {}

  /** Encodes an event; throws {@link io.vertx.core.json.EncodeException} on a non-JSON value. */
  static String encode(StoredEvent e) {
    Map<String, Object> event = new LinkedHashMap<>(4);
    event.put("type", e.eventType());
    event.put("payload", e.payload());
    event.put("timestamp", e.timestamp());
    Map<String, Object> m = new LinkedHashMap<>(32);
    m.put("id", e.id());
    m.put("instanceId", e.instanceId());
    m.put("machineName", e.machineName());
    m.put("componentName", e.componentName());
    m.put("event", event);
    m.put("stateBefore", e.fromState());
    m.put("stateAfter", e.toState());
    m.put("persistedAt", e.timestamp());
    m.put("causedBy", e.causationId() == null ? List.of() : List.of(e.causationId()));
    m.put("caused", List.of());
    putIfPresent(m, "sourceComponentName", e.sourceComponent());
    m.put("publicMemberSnapshot", e.data());
    m.put("seq", e.seq());
    putIfPresent(m, "publicMember", e.publicMember());
    if (!e.context().equals(e.data())) {
      m.put("context", e.context());
    }
    m.put("status", e.status());
    m.put("transitionIndex", e.transitionIndex());
    putIfPresent(m, "correlationId", e.correlationId());
    putIfPresent(m, "idempotencyKey", e.idempotencyKey());
    return new JsonObject(m).encode();
  }

  /** Decodes what {@link #encode} wrote; throws {@link IllegalArgumentException} on anything else. */
  static StoredEvent decode(String json) {
    try {
      JsonObject o = new JsonObject(json);
      JsonObject event = o.getJsonObject("event");
      JsonArray causedBy = o.getJsonArray("causedBy");
      return new StoredEvent(
          o.getString("id"),
          o.getString("instanceId"),
          o.getLong("seq"),
          o.getString("componentName"),
          o.getString("machineName"),
          event.getString("type"),
          JsonValues.plainMapOrNull(event.getValue("payload")),
          o.getString("stateBefore"),
          o.getString("stateAfter"),
          JsonValues.plainMapOrNull(o.getValue("publicMemberSnapshot")),
          JsonValues.plainMapOrNull(o.getValue("publicMember")),
          JsonValues.plainMapOrNull(o.containsKey("context") ? o.getValue("context") : o.getValue("publicMemberSnapshot")),
          o.getString("status"),
          o.getInteger("transitionIndex"),
          o.getString("sourceComponentName"),
          o.getString("correlationId"),
          causedBy == null || causedBy.isEmpty() ? null : causedBy.getString(0),
          o.getString("idempotencyKey"),
          o.getLong("persistedAt"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a stored event: " + e.getMessage(), e);
    }
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
