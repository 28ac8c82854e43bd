package dev.xcomponent.port;

import java.util.List;
import java.util.Map;

/**
 * The check a {@link MessageBroker} makes before it takes a message: the message must be
 * JSON-like, so that what a subscriber receives equals what was published whether the broker
 * serialises to JSON or not. JSON-like means maps with string keys, lists, strings, finite
 * numbers, booleans and null, nested at most {@link #MAX_DEPTH} deep.
 */
public final class JsonLikeMessages {
  /** Nesting deeper than this is refused, as a JSON codec would refuse it. */
  public static final int MAX_DEPTH = 100;

  private JsonLikeMessages() {}

  /**
   * Returns normally when {@code message} is JSON-like.
   *
   * @throws IllegalArgumentException when the message is null, or naming the first offending path
   *     ({@code $.payload.items[2]}) when it holds a key that is not a string, a number that is NaN
   *     or infinite, a value of another type, or nests deeper than {@link #MAX_DEPTH}
   */
  public static void check(Map<String, Object> message) {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    checkMap(message, "$", 0);
  }

  private static void checkValue(Object value, String path, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return;
    }
    if (value instanceof Number n) {
      if ((n instanceof Double d && !Double.isFinite(d)) || (n instanceof Float f && !Float.isFinite(f))) {
        throw new IllegalArgumentException("message value at " + path + " is not a finite number: " + n);
      }
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException("message nested deeper than " + MAX_DEPTH + " levels at " + path);
    }
    if (value instanceof Map<?, ?> map) {
      checkMap(map, path, depth + 1);
    } else if (value instanceof List<?> list) {
      int i = 0;
      for (Object item : list) {
        checkValue(item, path + "[" + i++ + "]", depth + 1);
      }
    } else {
      throw new IllegalArgumentException(
          "message value at " + path + " is not JSON-like: " + value.getClass().getName());
    }
  }

  private static void checkMap(Map<?, ?> map, String path, int depth) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("message key at " + path + " is not a string: " + entry.getKey());
      }
      checkValue(entry.getValue(), path + "." + key, depth);
    }
  }
}
