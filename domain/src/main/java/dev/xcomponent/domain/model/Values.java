package dev.xcomponent.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for JSON-like values: {@code Map<String, Object>}, {@code List<Object>}, strings,
 * numbers, booleans and null.
 */
public final class Values {
  private Values() {}

  /** A deep, order-preserving, unmodifiable copy; null becomes an empty map. Nulls are kept. */
  public static Map<String, Object> freeze(Map<String, ?> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    map.forEach((k, v) -> copy.put(k, freezeValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** A deep unmodifiable copy of a JSON-like value. */
  @SuppressWarnings("unchecked")
  public static Object freezeValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      return freeze((Map<String, ?>) m);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(freezeValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** A deep mutable copy of a JSON-like map, safe to hand to user code. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mutableCopy(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    map.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m) {
            copy.put(k, mutableCopy((Map<String, ?>) m));
          } else if (v instanceof List<?> l) {
            copy.put(k, new ArrayList<>(l));
          } else {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
