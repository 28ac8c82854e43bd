package dev.xcomponent.app;

import dev.xcomponent.domain.engine.Event;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON values given on the command line: {@code --events} (an array of event type
 * strings or of {@code {"type": ..., "payload": {...}}} objects) and {@code --context} (an object).
 * Values come back as plain maps, lists, strings, numbers, booleans and nulls. Only Vert.x's JSON
 * parser is used; no Vert.x instance is started.
 */
public final class JsonArgs {
  private JsonArgs() {}

  /** Parses {@code --events}; every event gets the timestamp {@code now}. */
  public static List<Event> events(String json, long now) throws UsageException {
    Object parsed = parse("--events", json);
    if (!(parsed instanceof List<?> list)) {
      throw new UsageException(
          "--events must be a JSON array, such as '[\"BEGIN\"]' or '[{\"type\":\"BEGIN\"}]'");
    }
    List<Event> events = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      events.add(event(list.get(i), i + 1, now));
    }
    return events;
  }

  /** Parses {@code --context}: a JSON object. */
  public static Map<String, Object> context(String json) throws UsageException {
    Object parsed = parse("--context", json);
    if (!(parsed instanceof Map<?, ?>)) {
      throw new UsageException("--context must be a JSON object, such as '{\"orderId\":\"o-1\"}'");
    }
    return asObject(parsed);
  }

  private static Event event(Object element, int position, long now) throws UsageException {
    if (element instanceof String type) {
      return Event.of(requireType(type, position), Map.of(), now);
    }
    if (!(element instanceof Map<?, ?>)) {
      throw new UsageException(
          "--events element " + position + " must be a string or an object with \"type\"");
    }
    Map<String, Object> object = asObject(element);
    if (!(object.get("type") instanceof String type)) {
      throw new UsageException("--events element " + position + " has no string \"type\"");
    }
    Object payload = object.get("payload");
    if (payload != null && !(payload instanceof Map<?, ?>)) {
      throw new UsageException("--events element " + position + ": \"payload\" must be an object");
    }
    return Event.of(
        requireType(type, position), payload == null ? Map.of() : asObject(payload), now);
  }

  private static String requireType(String type, int position) throws UsageException {
    if (type.isBlank()) {
      throw new UsageException("--events element " + position + " has an empty type");
    }
    return type;
  }

  private static Object parse(String option, String json) throws UsageException {
    try {
      return plain(Json.decodeValue(json));
    } catch (DecodeException e) {
      throw new UsageException(option + " is not valid JSON: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value) {
    return (Map<String, Object>) value;
  }

  /** Replaces Vert.x JSON wrappers by plain maps and lists, at every depth. */
  private static Object plain(Object value) {
    if (value instanceof JsonObject o) {
      return plain(o.getMap());
    }
    if (value instanceof JsonArray a) {
      return plain(a.getList());
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(plain(v)));
      return out;
    }
    return value;
  }
}
