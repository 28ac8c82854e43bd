package dev.xcomponent.adapter.redis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns decoded JSON into the plain values the ports carry: every {@link JsonObject} or map
 * becomes a {@link LinkedHashMap}, every {@link JsonArray} or list an {@link ArrayList}, at any
 * depth; strings, numbers, booleans and null stay as they are.
 */
final class JsonValues {
  private JsonValues() {}

  /** A plain copy of {@code value}. */
  static Object plain(Object value) {
    if (value instanceof JsonObject o) {
      return plainMap(o.getMap());
    }
    if (value instanceof Map<?, ?> m) {
      return plainMap(m);
    }
    if (value instanceof JsonArray a) {
      return plainList(a.getList());
    }
    if (value instanceof List<?> l) {
      return plainList(l);
    }
    return value;
  }

  /** A plain copy of a JSON object, or null when {@code value} is null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> plainMapOrNull(Object value) {
    if (value == null) {
      return null;
    }
    Object plain = plain(value);
    if (!(plain instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object, got " + value.getClass().getSimpleName());
    }
    return (Map<String, Object>) plain;
  }

  private static Map<String, Object> plainMap(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
    m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
    return out;
  }

  private static List<Object> plainList(List<?> l) {
    List<Object> out = new ArrayList<>(l.size());
    l.forEach(v -> out.add(plain(v)));
    return out;
  }
}
