package dev.xcomponent.adapter.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Vert.x JSON values and the plain JSON-like values of the ports ({@code Map},
 * {@code List}, strings, numbers, booleans, null).
 *
 * <p>A {@link JsonObject} may hold nested {@code JsonObject}s as well as plain maps, so both
 * directions walk the whole tree. Numbers are kept as the numbers they are.
 */
public final class Json {
  private Json() {}

  /**
   * A plain copy of {@code value}: JSON objects and maps become ordered {@code LinkedHashMap}s,
   * arrays and collections become {@code ArrayList}s; scalars are returned as they are.
   */
  public static Object toPlain(Object value) {
    if (value instanceof JsonObject o) {
      return plainMap(o.getMap());
    }
    if (value instanceof JsonArray a) {
      return plainList(a.getList());
    }
    if (value instanceof Map<?, ?> m) {
      return plainMap(m);
    }
    if (value instanceof Collection<?> c) {
      return plainList(c);
    }
    return value;
  }

  /** A plain copy of a JSON object (null gives an empty map). */
  public static Map<String, Object> toPlainMap(JsonObject object) {
    return object == null ? new LinkedHashMap<>() : plainMap(object.getMap());
  }

  /**
   * A Vert.x JSON copy of {@code value}: maps become {@link JsonObject}s, collections {@link
   * JsonArray}s, enums their name; strings, numbers, booleans and null are kept; anything else is
   * written as its string form so that encoding never fails.
   */
  public static Object toJson(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof JsonObject o) {
      return toJsonObject(o.getMap());
    }
    if (value instanceof JsonArray a) {
      return toJsonArray(a.getList());
    }
    if (value instanceof Map<?, ?> m) {
      return toJsonObject(m);
    }
    if (value instanceof Collection<?> c) {
      return toJsonArray(c);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return String.valueOf(value);
  }

  /** A {@link JsonObject} copy of a map (null gives null). */
  public static JsonObject toJsonObject(Map<?, ?> map) {
    if (map == null) {
      return null;
    }
    JsonObject out = new JsonObject(new LinkedHashMap<>(Math.max(4, map.size() * 2)));
    map.forEach((k, v) -> out.put(String.valueOf(k), toJson(v)));
    return out;
  }

  /** A {@link JsonArray} copy of a collection (null gives null). */
  public static JsonArray toJsonArray(Collection<?> items) {
    if (items == null) {
      return null;
    }
    JsonArray out = new JsonArray(new ArrayList<>(items.size()));
    items.forEach(v -> out.add(toJson(v)));
    return out;
  }

  private static Map<String, Object> plainMap(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    map.forEach((k, v) -> out.put(String.valueOf(k), toPlain(v)));
    return out;
  }

  private static List<Object> plainList(Collection<?> items) {
    List<Object> out = new ArrayList<>(items.size());
    items.forEach(v -> out.add(toPlain(v)));
    return out;
  }
}
