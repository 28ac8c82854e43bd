package dev.xcomponent.adapter.postgres;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain Java maps and lists to JSON text and back, for JSONB columns. Values read back are plain
 * {@link Map}, {@link List}, {@link String}, {@link Number}, {@link Boolean} or null, never Vert.x
 * JSON types; numbers keep the type the JSON text gives them (an integer comes back as Integer or
 * Long, a fraction as Double).
 */
final class JsonValues {
  private JsonValues() {}

  /** JSON text of a map, or null for null. */
  static String encode(Map<String, Object> map) {
    return map == null ? null : new JsonObject(map).encode();
  }

  /** JSON text of a list. */
  static String encode(List<?> list) {
    return new JsonArray(new ArrayList<>(list)).encode();
  }

  /** A JSONB column value read as a map: null stays null, anything but an object is refused. */
  static Map<String, Object> map(Object jsonb) {
    if (jsonb == null || jsonb == Tuple.JSON_NULL) {
      return null;
    }
    Object plain = plain(jsonb);
    if (plain instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) plain;
      return m;
    }
    throw new IllegalStateException("a JSON object was expected, found " + plain.getClass().getSimpleName());
  }

  /** A JSONB column value read as a list; null and JSON null read as an empty list. */
  static List<Object> list(Object jsonb) {
    if (jsonb == null || jsonb == Tuple.JSON_NULL) {
      return List.of();
    }
    Object plain = plain(jsonb);
    if (plain instanceof List<?>) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) plain;
      return l;
    }
    throw new IllegalStateException("a JSON array was expected, found " + plain.getClass().getSimpleName());
  }

  /** Converts Vert.x JSON values, and maps or lists holding them, to unmodifiable plain ones. */
  static Object plain(Object v) {
    if (v == Tuple.JSON_NULL) {
      return null;
    }
    if (v instanceof JsonObject o) {
      return plainMap(o.getMap());
    }
    if (v instanceof JsonArray a) {
      return plainList(a.getList());
    }
    if (v instanceof Map<?, ?> m) {
      return plainMap(m);
    }
    if (v instanceof List<?> l) {
      return plainList(l);
    }
    return v;
  }

  private static Map<String, Object> plainMap(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
    m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
    return Collections.unmodifiableMap(out);
  }

  private static List<Object> plainList(List<?> l) {
    List<Object> out = new ArrayList<>(l.size());
    l.forEach(x -> out.add(plain(x)));
    return Collections.unmodifiableList(out);
  }
}
