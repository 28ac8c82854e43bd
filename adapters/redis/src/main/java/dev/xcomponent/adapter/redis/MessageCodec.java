package dev.xcomponent.adapter.redis;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The wire form of a message: the JSON text of the map (Vert.x encoding), UTF-8, as the reference
 * implementation puts on its Redis channels. Only JSON-like values pass: strings, finite numbers,
 * booleans, null, lists and maps with string keys, nested at most {@link #MAX_DEPTH} deep.
 */
final class MessageCodec {
  static final int MAX_DEPTH = 100;

  private MessageCodec() {}

  /**
   * The JSON of {@code message}; throws {@link IllegalArgumentException} naming the first offending
   * path, or when the JSON would exceed {@code maxBytes}.
   */
  static Buffer encode(Map<String, Object> message, int maxBytes) {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    checkMap(message, "$", 0);
    Buffer json;
    try {
      // encode() keeps characters outside the BMP as they are (UTF-8), like JSON.stringify does
      json = Buffer.buffer(new JsonObject(message).encode());
    } catch (EncodeException e) {
      throw new IllegalArgumentException("message cannot be written as JSON: " + e.getMessage(), e);
    }
    if (json.length() > maxBytes) {
      throw new IllegalArgumentException("message is " + json.length() + " bytes of JSON, more than the limit of " + maxBytes);
    }
    return json;
  }

  /** The message whose JSON is {@code payload}; throws {@link IllegalArgumentException} when it is not a JSON object. */
  static Map<String, Object> decode(Buffer payload) {
    Map<String, Object> message;
    try {
      message = JsonValues.plainMapOrNull(new JsonObject(payload));
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("not a JSON object", e);
    }
    if (message == null) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return message;
  }

  private static void checkValue(Object value, String path, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return;
    }
    if (value instanceof Number n) {
      if ((n instanceof Double d && !Double.isFinite(d)) || (n instanceof Float f && !Float.isFinite(f))) {
        throw new IllegalArgumentException("message value at " + path + " is not a finite number");
      }
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException("message nested deeper than " + MAX_DEPTH + " at " + path);
    }
    if (value instanceof Map<?, ?> map) {
      checkMap(map, path, depth + 1);
    } else if (value instanceof List<?> list) {
      int i = 0;
      for (Object item : list) {
        checkValue(item, path + "[" + i++ + "]", depth + 1);
      }
    } else {
      throw new IllegalArgumentException("message value at " + path + " is not JSON-like: " + value.getClass().getName());
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
