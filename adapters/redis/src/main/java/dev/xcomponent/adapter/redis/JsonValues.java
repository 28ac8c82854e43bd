package dev.xcomponent.adapter.redis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Turns freshly decoded JSON into the plain values the ports carry: every {@link JsonObject}
 * becomes its {@link Map}, every {@link JsonArray} its {@link List}, at any depth; strings,
 * numbers, booleans and null stay as they are. The decoder's own maps and lists are reused and
 * fixed in place (they belong to nobody else), so a value that is already plain costs one walk and
 * no copy.
 */
final class JsonValues {
  private JsonValues() {}

  /** {@code value} with no {@link JsonObject} or {@link JsonArray} left inside. */
  static Object plain(Object value) {
    if (value instanceof JsonObject o) {
      return plainMap(o.getMap());
    }
    if (value instanceof JsonArray a) {
      return plainList(a.getList());
    }
    if (value instanceof Map<?, ?> m) {
      return plainMap(m);
    }
    if (value instanceof List<?> l) {
      return plainList(l);
    }
    return value;
  }

  /** A decoded JSON object as a plain map, or null when {@code value} is null. */
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

  @SuppressWarnings("unchecked")
  private static Map<?, ?> plainMap(Map<?, ?> m) {
    for (Map.Entry<?, Object> e : ((Map<?, Object>) m).entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> || v instanceof List<?> || v instanceof JsonObject || v instanceof JsonArray) {
        e.setValue(plain(v));
      }
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static List<?> plainList(List<?> l) {
    for (ListIterator<Object> it = ((List<Object>) l).listIterator(); it.hasNext(); ) {
      Object v = it.next();
      if (v instanceof Map<?, ?> || v instanceof List<?> || v instanceof JsonObject || v instanceof JsonArray) {
        it.set(plain(v));
      }
    }
    return l;
  }
}
