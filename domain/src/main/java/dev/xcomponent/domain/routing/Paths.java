package dev.xcomponent.domain.routing;

import java.util.Map;

/**
 * Dot-path lookups such as {@code customer.address.city} in JSON-like maps.
 *
 * <p>A path whose segment is missing, or that crosses a non-map value, yields {@link #MISSING}
 * (the reference's {@code undefined}); a present key whose value is null yields null.
 */
public final class Paths {
  /** Marks a value that is not there, distinct from a present null. */
  public static final Object MISSING =
      new Object() {
        @Override
        public String toString() {
          return "undefined";
        }
      };

  private Paths() {}

  /** The value at {@code path} in {@code data}, or {@link #MISSING}. */
  public static Object get(Map<String, ?> data, String path) {
    if (data == null) {
      return MISSING;
    }
    int dot = path.indexOf('.');
    if (dot < 0) {
      Object v = data.get(path);
      return v != null || data.containsKey(path) ? v : MISSING;
    }
    Object current = data;
    int start = 0;
    while (true) {
      if (!(current instanceof Map<?, ?> map)) {
        return MISSING;
      }
      int end = path.indexOf('.', start);
      String key = end < 0 ? path.substring(start) : path.substring(start, end);
      Object v = map.get(key);
      if (v == null && !map.containsKey(key)) {
        return MISSING;
      }
      if (end < 0) {
        return v;
      }
      current = v;
      start = end + 1;
    }
  }
}
