package dev.xcomponent.adapter.memory;

import java.util.List;
import java.util.Map;

/**
 * Checks that a message holds only JSON-like values, so that the in-memory broker accepts exactly
 * what a broker that serialises to JSON would carry.
 */
final class JsonLike {
  /** Nesting deeper than this is refused, as a JSON codec would refuse it. */
  static final int MAX_DEPTH = 100;

  private JsonLike() {}

  /**
   * Throws {@link IllegalArgumentException} naming the first offending path when {@code message}
   * holds something other than maps with string keys, lists, strings, numbers, booleans or null.
   */
  static void check(Map<?, ?> message) {
    checkMap(message, "$", 0);
  }

  private static void checkValue(Object value, String path, int depth) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException("message nested deeper than " + MAX_DEPTH + " at " + path);
    }
    if (value instanceof Map<?, ?> map) {
      checkMap(map, path, depth + 1);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkValue(list.get(i), path + "[" + i + "]", depth + 1);
      }
    } else {
      throw new IllegalArgumentException(
          "message value at " + path + " is not JSON-like: " + value.getClass().getName());
    }
  }

  private static void checkMap(Map<?, ?> map, String path, int depth) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("message key at " + path + " is not a string");
      }
      checkValue(entry.getValue(), path + "." + key, depth);
    }
  }
}
