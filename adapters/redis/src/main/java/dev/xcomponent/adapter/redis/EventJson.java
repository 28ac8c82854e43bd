package dev.xcomponent.adapter.redis;

import dev.xcomponent.port.StoredEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
    return decode(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes the UTF-8 bytes of what {@link #encode} wrote, field by field (unknown fields are
   * skipped); throws {@link IllegalArgumentException} on anything else. Without a {@code context}
   * field the context is the very map of {@code publicMemberSnapshot}.
   */
  static StoredEvent decode(byte[] json) {
    try {
      JsonReader r = JsonReader.ofObject(json);
      String id = null;
      String instanceId = null;
      Long seq = null;
      String component = null;
      String machine = null;
      boolean hasEvent = false;
      String type = null;
      Map<String, Object> payload = null;
      String before = null;
      String after = null;
      Map<String, Object> data = null;
      Map<String, Object> publicMember = null;
      Map<String, Object> context = null;
      boolean hasContext = false;
      String status = null;
      Integer transition = null;
      String source = null;
      String correlation = null;
      String causation = null;
      String key = null;
      Long persistedAt = null;
      for (String field = r.nextField(); field != null; field = r.nextField()) {
        switch (field) {
          case "id" -> id = r.string();
          case "instanceId" -> instanceId = r.string();
          case "seq" -> seq = r.longValue();
          case "componentName" -> component = r.string();
          case "machineName" -> machine = r.string();
          case "event" -> {
            hasEvent = r.enterObject();
            for (String f = hasEvent ? r.nextField() : null; f != null; f = r.nextField()) {
              switch (f) {
                case "type" -> type = r.string();
                case "payload" -> payload = r.map();
                default -> r.skip();
              }
            }
          }
          case "stateBefore" -> before = r.string();
          case "stateAfter" -> after = r.string();
          case "persistedAt" -> persistedAt = r.longValue();
          case "causedBy" -> causation = firstString(r);
          case "sourceComponentName" -> source = r.string();
          case "publicMemberSnapshot" -> data = r.map();
          case "publicMember" -> publicMember = r.map();
          case "context" -> {
            hasContext = true;
            context = r.map();
          }
          case "status" -> status = r.string();
          case "transitionIndex" -> transition = r.intValue();
          case "correlationId" -> correlation = r.string();
          case "idempotencyKey" -> key = r.string();
          default -> r.skip();
        }
      }
      r.end();
      if (!hasEvent) {
        throw new IllegalArgumentException("no event");
      }
      return new StoredEvent(
          id, instanceId, seq, component, machine, type, payload, before, after,
          data, publicMember, hasContext ? context : data, status, transition, source, correlation, causation,
          key, persistedAt);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a stored event: " + e.getMessage(), e);
    }
  }

  /** The first id of {@code causedBy} (a list of at most one), or null. */
  private static String firstString(JsonReader r) {
    if (!r.enterArray() || !r.nextElement()) {
      return null;
    }
    String first = r.string();
    while (r.nextElement()) {
      r.skip();
    }
    return first;
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
